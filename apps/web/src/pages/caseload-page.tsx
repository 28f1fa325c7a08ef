import { useState } from 'react';
import type { CaseloadPage as Caseload } from '../../../../projections/caseload/caseload.queries';
import type { ApiClient } from '../api/api-client';
import { readModelsCaughtUp } from '../api/read-models';
import { AppLink } from '../components/app-link';
import { AsyncView, useLoad } from '../components/async-view';
import { StatusBadge } from '../components/status-badge';
import { formatDate } from '../format/format-date';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS, label, STAGE_LABELS, STAGE_ORDER } from '../i18n/labels.fr';
import { AsOfField } from '../components/as-of-field';
import { ReferentButton, ReferentDialog } from '../caseload/referent-dialog';
import { navigate } from '../routing/use-location';
import { pathTo } from '../routing/web-routes';
import { loadProgrammes } from '../saisine/programme-choice';
import { shortReference } from './short-reference';

const FILTERS = ['referent', 'programme', 'convention', 'stage', 'status', 'asOf'] as const;
const PAGE = 50;

/** The caseload with its filters in the URL, so a filtered view can be bookmarked, shared and reloaded. */
export function CaseloadPage({ api, search, fixedReferent, canAssign = false }: { api: ApiClient; search: string; fixedReferent?: string; canAssign?: boolean }) {
  const params = new URLSearchParams(search);
  if (fixedReferent) params.set('referent', fixedReferent);
  const offset = Number(params.get('offset') ?? '0') || 0;
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name)!);
  query.set('limit', String(PAGE));
  query.set('offset', String(offset));
  const [loaded, reload] = useLoad(() => api.get<Caseload>(`/caseload?${query}`).then((a) => a.body), [query.toString()]);
  const [assigning, setAssigning] = useState<string | undefined>();
  const [programmes] = useLoad(() => loadProgrammes(api).catch(() => []), []);
  const programmeList = programmes.state === 'ready' ? programmes.value : [];
  const titleOf = (code: string) => programmeList.find((p) => p.code === code)?.title ?? code;
  // The referent facet is counted under every filter but the referent: the choices stay while one is picked.
  const referents = loaded.state === 'ready' ? loaded.value.counts.byReferent.flatMap((r) => (r.referentId ? [r.referentId] : [])) : [];

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('offset');
    navigate(`${pathTo('caseload')}?${next}`, { replace: true });
  };

  return (
    <>
      <h1 tabIndex={-1}>{fixedReferent ? 'Mes dossiers' : 'Dossiers'}</h1>
      <form className="filters" aria-label="Filtres" onSubmit={(e) => e.preventDefault()}>
        {!fixedReferent && (
          <label>
            Référent·e
            <select name="referent" value={params.get('referent') ?? ''} onChange={(e) => setFilter('referent', e.target.value)}>
              <option value="">Tous</option>
              {withCurrent(referents, params.get('referent')).map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Programme
          <select name="programme" value={params.get('programme') ?? ''} onChange={(e) => setFilter('programme', e.target.value)}>
            <option value="">Tous</option>
            {withCurrent(programmeList.map((p) => p.code), params.get('programme')).map((code) => (
              <option key={code} value={code}>
                {titleOf(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Convention
          <input name="convention" defaultValue={params.get('convention') ?? ''} onChange={(e) => setFilter('convention', e.target.value.trim())} />
        </label>
        <label>
          Étape
          <select name="stage" value={params.get('stage') ?? ''} onChange={(e) => setFilter('stage', e.target.value)}>
            <option value="">Toutes</option>
            {STAGE_ORDER.map((stage) => (
              <option key={stage} value={stage}>
                {label(STAGE_LABELS, stage)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Échéance
          <select name="status" value={params.get('status') ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Toutes</option>
            {Object.entries(DEADLINE_STATUS_LABELS).map(([status, text]) => (
              <option key={status} value={status}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <AsOfField value={params.get('asOf') ?? ''} onChange={(date) => setFilter('asOf', date)} />
      </form>
      <AsyncView loaded={loaded}>
        {(caseload) => (
          <>
            <section aria-labelledby="counts-title" className="counts">
              <h2 id="counts-title">Répartition</h2>
              <div className="count-groups">
                <table>
                  <caption>Par étape</caption>
                  <tbody>
                    {Object.entries(caseload.counts.byStage).sort((a, b) => STAGE_ORDER.indexOf(a[0]) - STAGE_ORDER.indexOf(b[0])).map(([stage, count]) => (
                      <tr key={stage}>
                        <th scope="row">{label(STAGE_LABELS, stage)}</th>
                        <td>{count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {!fixedReferent && (
                  <table>
                    <caption>Par référent·e</caption>
                    <tbody>
                      {caseload.counts.byReferent.map((r) => (
                        <tr key={r.referentId ?? 'none'}>
                          <th scope="row">{r.referentId ?? 'Sans référent·e'}</th>
                          <td>{r.count}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            </section>
            <table className="list">
              <caption>
                {caseload.total} dossier{caseload.total > 1 ? 's' : ''} au {formatDate(caseload.today)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Dossier</th>
                  <th scope="col">Programme</th>
                  <th scope="col">Étape</th>
                  <th scope="col">Référent·e</th>
                  <th scope="col">Prochaine échéance</th>
                  <th scope="col">Statut</th>
                  {canAssign && <th scope="col">Action</th>}
                </tr>
              </thead>
              <tbody>
                {caseload.items.map((item) => (
                  <tr key={item.trajectoryId}>
                    <td>
                      <AppLink href={pathTo('trajectory', { id: item.trajectoryId })}>{shortReference(item.trajectoryId)}</AppLink>
                    </td>
                    <td>{titleOf(item.programme)}</td>
                    <td>
                      {label(STAGE_LABELS, item.stage)}
                      {item.suspended ? ' (suspendu)' : ''}
                    </td>
                    <td>{item.referentId ?? 'Sans référent·e'}</td>
                    <td>{item.nextDeadline ? `${label(DEADLINE_KIND_LABELS, item.nextDeadline.kind)} — ${formatDate(item.nextDeadline.dueOn)}` : '—'}</td>
                    <td>
                      <StatusBadge status={item.nextDeadline?.status} />
                    </td>
                    {canAssign && (
                      <td>
                        <ReferentButton item={item} onClick={() => setAssigning(item.trajectoryId)} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={caseload.total} offset={caseload.offset} limit={caseload.limit} search={search} />
            {assigning && (
              <ReferentDialog
                api={api}
                trajectoryId={assigning}
                knownReferents={caseload.counts.byReferent.flatMap((r) => (r.referentId ? [r.referentId] : []))}
                onClose={(changed) => {
                  setAssigning(undefined);
                  if (changed) void readModelsCaughtUp(api).then(reload);
                }}
              />
            )}
          </>
        )}
      </AsyncView>
    </>
  );
}

/** The choices of a filter, with the one in the URL kept even when nothing matches it any more. */
function withCurrent(values: string[], current: string | null): string[] {
  return current && !values.includes(current) ? [...values, current] : values;
}

function Pager({ total, offset, limit, search }: { total: number; offset: number; limit: number; search: string }) {
  if (total <= limit) return null;
  const go = (to: number) => {
    const next = new URLSearchParams(search);
    next.set('offset', String(to));
    navigate(`${window.location.pathname}?${next}`);
  };
  return (
    <nav aria-label="Pages" className="pager">
      <button type="button" disabled={offset === 0} onClick={() => go(Math.max(0, offset - limit))}>
        Précédents
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + limit)} sur {total}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => go(offset + limit)}>
        Suivants
      </button>
    </nav>
  );
}
