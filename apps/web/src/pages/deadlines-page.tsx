import type { DeadlinesPage as Deadlines } from '../../../../projections/deadlines/deadlines.queries';
import type { ApiClient } from '../api/api-client';
import { AppLink } from '../components/app-link';
import { AsyncView, useLoad } from '../components/async-view';
import { StatusBadge } from '../components/status-badge';
import { formatDate } from '../format/format-date';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS, label, STAGE_LABELS } from '../i18n/labels.fr';
import { AsOfField } from '../components/as-of-field';
import { navigate } from '../routing/use-location';
import { pathTo } from '../routing/web-routes';
import { shortReference } from './short-reference';

const STATUSES = Object.entries(DEADLINE_STATUS_LABELS).map(([value, text]) => ({ value, text }));

/** What is due: overdue and within 7 days first, by kind and by referent. */
export function DeadlinesPage({ api, search, owner, title = 'Échéances' }: { api: ApiClient; search: string; owner?: string; title?: string }) {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? 'overdue';
  const asOf = params.get('asOf') ?? '';
  const query = new URLSearchParams({ status, limit: '200' });
  if (owner) query.set('referent', owner);
  if (asOf) query.set('asOf', asOf);
  const [loaded] = useLoad(() => api.get<Deadlines>(`/deadlines?${query}`).then((a) => a.body), [query.toString()]);
  const choose = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(`${window.location.pathname}?${next}`, { replace: true });
  };
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <fieldset className="filters">
        <legend>Statut</legend>
        {STATUSES.map((s) => (
          <label key={s.value} className="inline">
            <input type="radio" name="status" value={s.value} checked={status === s.value} onChange={() => choose('status', s.value)} />
            {s.text}
          </label>
        ))}
      </fieldset>
      <div className="filters">
        <AsOfField value={asOf} onChange={(date) => choose('asOf', date)} />
      </div>
      <AsyncView loaded={loaded}>{(deadlines) => <DeadlineTable deadlines={deadlines} />}</AsyncView>
    </>
  );
}

export function DeadlineTable({ deadlines }: { deadlines: Deadlines }) {
  const byKind = countBy(deadlines.items, (d) => label(DEADLINE_KIND_LABELS, d.kind));
  const byOwner = countBy(deadlines.items, (d) => d.ownerId ?? 'Sans référent·e');
  return (
    <>
      <div className="count-groups">
        <CountTable caption="Par type" counts={byKind} />
        <CountTable caption="Par référent·e" counts={byOwner} />
      </div>
      <table className="list">
        <caption>
          {deadlines.total} échéance{deadlines.total > 1 ? 's' : ''} au {formatDate(deadlines.today)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Échéance</th>
            <th scope="col">Pour le</th>
            <th scope="col">Statut</th>
            <th scope="col">Dossier</th>
            <th scope="col">Étape</th>
            <th scope="col">Référent·e</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.items.map((d) => (
            <tr key={`${d.trajectoryId}-${d.kind}-${d.briqueCode ?? ''}`}>
              <td>
                {label(DEADLINE_KIND_LABELS, d.kind)}
                {d.briqueCode ? ` (brique ${d.briqueCode})` : ''}
              </td>
              <td>{formatDate(d.dueOn)}</td>
              <td>
                <StatusBadge status={d.status} />
              </td>
              <td>
                <AppLink href={pathTo('trajectory', { id: d.trajectoryId })}>{shortReference(d.trajectoryId)}</AppLink>
              </td>
              <td>{label(STAGE_LABELS, d.stage)}</td>
              <td>{d.ownerId ?? 'Sans référent·e'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CountTable({ caption, counts }: { caption: string; counts: [string, number][] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {counts.map(([key, count]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function countBy<T>(items: T[], keyOf: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
