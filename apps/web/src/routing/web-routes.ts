/**
 * The app's own paths, in French, apart from the API's English ones (/caseload is the API's JSON,
 * /dossiers the page that shows it), so a reload of any page reaches index.html and never an API route.
 */
export const WEB_ROUTES = {
  signIn: '/connexion',
  /** Where the identity provider sends the person back with a code (OpenID Connect). */
  signInReturn: '/connexion/retour',
  caseload: '/dossiers',
  // Not under /saisines: that is the API's (a prescriber's list of the saisines it sent).
  newSaisine: '/nouvelle-saisine',
  trajectory: '/dossiers/:id',
  deadlines: '/echeances',
  myDay: '/ma-journee',
  // Funders and coordinators (pages/funder): the conventions and their figures.
  conventions: '/financement',
  consumption: '/financement/:id/consommation',
  dashboard: '/financement/:id/tableau-de-bord',
  report: '/financement/:id/rapport',
  feed: '/flux',
  // Auditors (pages/auditor).
  auditTrajectories: '/controle/historique',
  auditHistory: '/controle/historique/:id',
  verification: '/controle/verification',
  accessLog: '/controle/journal-des-acces',
} as const;

/** The first segment of every route above: what the API serves index.html for. */
export const WEB_ROUTE_PREFIXES = [...new Set(Object.values(WEB_ROUTES).map((path) => path.split('/')[1]))];

export type WebRouteName = keyof typeof WEB_ROUTES;

export interface RouteMatch {
  name: WebRouteName;
  params: Record<string, string>;
}

/** Matches a pathname against WEB_ROUTES; the most specific (longest) pattern wins. */
export function matchRoute(pathname: string): RouteMatch | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/');
  const candidates = (Object.entries(WEB_ROUTES) as [WebRouteName, string][]).sort((a, b) => b[1].length - a[1].length);
  for (const [name, pattern] of candidates) {
    const expected = pattern.split('/');
    if (expected.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = expected.every((segment, i) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return parts[i] !== '';
      }
      return segment === parts[i];
    });
    if (ok) return { name, params };
  }
  return undefined;
}

export function pathTo(name: WebRouteName, params: Record<string, string> = {}): string {
  return WEB_ROUTES[name].replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}
