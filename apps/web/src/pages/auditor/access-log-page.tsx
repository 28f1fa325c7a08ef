import type { ApiClient } from '../../api/api-client';
import { AppLink } from '../../components/app-link';
import { AsyncView, useLoad } from '../../components/async-view';
import { ACCESS_RESOURCE_LABELS } from '../../i18n/funding-labels.fr';
import { label, ROLE_LABELS } from '../../i18n/labels.fr';
import { navigate } from '../../routing/use-location';
import { pathTo } from '../../routing/web-routes';
import { shortReference } from '../short-reference';

interface AccessLogPage {
  entries: { id: number; at: string; actor: { id: string; role: string }; trajectoryId: string; resource: string; correlationId?: string }[];
  nextCursor: number;
}

const FILTERS = [
  { name: 'actor', text: 'Lecteur (identifiant)', type: 'text' },
  { name: 'trajectory', text: 'Dossier (identifiant)', type: 'text' },
  { name: 'from', text: 'Du', type: 'date' },
  { name: 'to', text: 'Au', type: 'date' },
] as const;
const PAGE = 100;

/** To the second, in Paris time: an auditor tells two reads of the same minute apart. */
const READ_AT = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const readAt = (iso: string) => READ_AT.format(new Date(iso)).replace(',', '');

/** Who read which trajectory's personal data and when, filtered in the URL (the API filters, the page shows). */
export function AccessLogPage({ api, search }: { api: ApiClient; search: string }) {
  const params = new URLSearchParams(search);
  const query = new URLSearchParams();
  for (const f of FILTERS) if (params.get(f.name)) query.set(f.name, params.get(f.name)!);
  if (params.get('after')) query.set('after', params.get('after')!);
  query.set('limit', String(PAGE));
  const [loaded] = useLoad(() => api.get<AccessLogPage>(`/access-log?${query}`).then((a) => a.body), [query.toString()]);

  const apply = (form: HTMLFormElement) => {
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const value = (form.elements.namedItem(f.name) as HTMLInputElement).value.trim();
      if (value) next.set(f.name, value);
    }
    navigate(`${pathTo('accessLog')}?${next}`, { replace: true });
  };

  return (
    <>
      <h1 tabIndex={-1}>Journal des accès</h1>
      <p className="lead">Chaque lecture des données personnelles d'un dossier : qui, quel dossier, quand (du plus ancien au plus récent).</p>
      <form
        className="filters"
        aria-label="Filtres du journal"
        key={search}
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        {FILTERS.map((f) => (
          <label key={f.name}>
            {f.text}
            <input name={f.name} type={f.type} defaultValue={params.get(f.name) ?? ''} size={f.name === 'trajectory' ? 38 : undefined} />
          </label>
        ))}
        <button type="submit">Filtrer</button>
        <button type="button" className="secondary" onClick={() => navigate(pathTo('accessLog'), { replace: true })}>
          Tout afficher
        </button>
      </form>
      <AsyncView loaded={loaded}>
        {(page) => (
          <>
            <table className="list">
              <caption>
                {page.entries.length === 0 ? 'Aucune lecture ne correspond.' : `${page.entries.length} lecture${page.entries.length > 1 ? 's' : ''}${page.entries.length === PAGE ? ' (page suivante ci-dessous)' : ''}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Quand</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Dossier</th>
                  <th scope="col">Ce qui a été lu</th>
                  <th scope="col">Requête</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{readAt(e.at)}</td>
                    <td>{e.actor.id}</td>
                    <td>{label(ROLE_LABELS, e.actor.role)}</td>
                    <td>
                      <AppLink href={pathTo('auditHistory', { id: e.trajectoryId })} title={e.trajectoryId}>
                        {shortReference(e.trajectoryId)}
                      </AppLink>
                    </td>
                    <td>{label(ACCESS_RESOURCE_LABELS, e.resource)}</td>
                    <td>{e.correlationId ? <code>{e.correlationId.slice(0, 12)}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {page.entries.length === PAGE && (
              <nav aria-label="Pages" className="pager">
                <button
                  type="button"
                  onClick={() => {
                    const next = new URLSearchParams(search);
                    next.set('after', String(page.nextCursor));
                    navigate(`${pathTo('accessLog')}?${next}`);
                  }}
                >
                  Lectures suivantes
                </button>
              </nav>
            )}
          </>
        )}
      </AsyncView>
    </>
  );
}
