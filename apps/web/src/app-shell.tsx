import type { ReactNode } from 'react';
import { AppLink } from './components/app-link';
import { label, ROLE_LABELS } from './i18n/labels.fr';
import { pathTo, type WebRouteName } from './routing/web-routes';
import type { Session } from './session/session';

/** Which pages each role has in its menu; the API refuses the rest anyway. */
const MENUS: Record<string, { route: WebRouteName; text: string }[]> = {
  coordinator: [
    { route: 'caseload', text: 'Dossiers' },
    { route: 'deadlines', text: 'Échéances' },
    { route: 'newSaisine', text: 'Nouvelle saisine' },
    { route: 'conventions', text: 'Conventions' },
  ],
  referent: [
    { route: 'myDay', text: 'Ma journée' },
    { route: 'caseload', text: 'Mes dossiers' },
    { route: 'deadlines', text: 'Échéances' },
  ],
  secretary: [
    { route: 'caseload', text: 'Dossiers' },
    { route: 'newSaisine', text: 'Nouvelle saisine' },
  ],
  prescriber: [{ route: 'newSaisine', text: 'Nouvelle saisine' }],
  funder: [
    { route: 'conventions', text: 'Conventions' },
    { route: 'feed', text: 'Flux' },
  ],
  auditor: [
    { route: 'auditTrajectories', text: 'Historique' },
    { route: 'verification', text: 'Vérification' },
    { route: 'accessLog', text: 'Journal des accès' },
  ],
};

/** Pages reached from a menu entry rather than listed in the menu: the entry stays marked current. */
const MENU_PARENT: Partial<Record<WebRouteName, WebRouteName>> = {
  consumption: 'conventions',
  dashboard: 'conventions',
  report: 'conventions',
  auditHistory: 'auditTrajectories',
};

export function homeOf(role: string): WebRouteName {
  if (role === 'referent') return 'myDay';
  if (role === 'funder') return 'conventions';
  if (role === 'auditor') return 'auditTrajectories';
  return role === 'prescriber' ? 'newSaisine' : 'caseload';
}

export function menuOf(role: string) {
  return MENUS[role] ?? [];
}

export function AppShell({ session, current, onSignOut, children }: { session: Session; current?: WebRouteName; onSignOut: () => void; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="app-header">
        <span className="app-name">Accompagnement</span>
        <nav aria-label="Menu principal">
          <ul>
            {menuOf(session.role).map((item) => (
              <li key={item.route}>
                <AppLink href={pathTo(item.route)} aria-current={item.route === current || (current && MENU_PARENT[current] === item.route) ? 'page' : undefined}>
                  {item.text}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {session.subject} · {label(ROLE_LABELS, session.role)}
          </span>
          <button type="button" className="secondary" onClick={onSignOut}>
            Se déconnecter
          </button>
        </div>
      </header>
      <main id="contenu">{children}</main>
    </>
  );
}
