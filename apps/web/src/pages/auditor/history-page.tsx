import type { ApiClient } from '../../api/api-client';
import { loadCommandCatalogue } from '../../commands/command-catalogue';
import { AsyncView, useLoad } from '../../components/async-view';
import { IntegrityFlag } from '../../components/integrity-flag';
import { formatDate, formatInstant } from '../../format/format-date';
import { EVENT_LABELS, label } from '../../i18n/labels.fr';
import { shortReference } from '../short-reference';
import { diffStates, type HistoryEvent, type HistoryView, type StateView } from './history-state';

/** Changes the address without moving the focus (navigate() focuses the heading: not while someone drags a slider). */
function replaceSearch(params: URLSearchParams): void {
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  window.dispatchEvent(new Event('app:navigate'));
}

function setParam(search: string, name: string, value: string | undefined): void {
  const params = new URLSearchParams(search);
  if (value) params.set(name, value);
  else params.delete(name);
  replaceSearch(params);
}

/** A datetime-local value (the browser's time, Paris for the people here) from an instant, and back. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The index of the last event recorded at or before `at` (the whole list when there is no `at`). */
function positionOf(events: HistoryEvent[], at: string | undefined): number {
  if (!at) return events.length;
  const limit = Date.parse(at);
  return events.filter((e) => Date.parse(e.recordedAt) <= limit).length;
}

/**
 * A trajectory's events in order and its state at any recording instant (?at=), compared with
 * another point (?compare=, default: now): what the system knew then, replayed by the API.
 */
export function HistoryPage({ api, id, search }: { api: ApiClient; id: string; search: string }) {
  const params = new URLSearchParams(search);
  const at = params.get('at') ?? undefined;
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : undefined;
  const compare = params.get('compare') ?? undefined;
  const path = `/trajectories/${encodeURIComponent(id)}`;
  const stateAt = async (instant: string | undefined): Promise<StateView> =>
    instant ? (await api.get<HistoryView>(`${path}/history?at=${encodeURIComponent(instant)}`)).body.state! : (await api.get<StateView>(path)).body;
  const [full] = useLoad(() => api.get<HistoryView>(`${path}/history`).then((a) => a.body), [id]);
  // The commands' French names, for the actions each state allowed (a missing catalogue leaves the codes).
  const [catalogue] = useLoad(() => loadCommandCatalogue(api).catch(() => new Map()), []);
  const commandLabel = (name: string) => (catalogue.state === 'ready' ? (catalogue.value.get(name)?.labels.fr ?? name) : name);
  // As of a business date: the events whose occurredAt is on or before it, whenever they were recorded.
  const [pointA] = useLoad(async (): Promise<{ state: StateView; versions?: number[]; notApplied?: HistoryView['notApplied'] }> => {
    if (!asOf) return { state: await stateAt(at) };
    const answer = (await api.get<HistoryView>(`${path}/history?asOf=${asOf}`)).body;
    return { state: answer.state!, versions: answer.events.map((e) => e.version), notApplied: answer.notApplied };
  }, [id, at, asOf]);
  const [pointB] = useLoad(() => stateAt(compare), [id, compare]);

  return (
    <AsyncView loaded={full}>
      {(history) => {
        const events = history.events;
        // As of a business date, the API lists the events it folded (dated that day or before, whenever recorded).
        const asOfVersions = asOf && pointA.state === 'ready' && pointA.value.versions ? new Set(pointA.value.versions) : undefined;
        const a = asOfVersions ? asOfVersions.size : positionOf(events, at);
        const b = positionOf(events, compare);
        const inA = (event: HistoryEvent, i: number) => (asOfVersions ? asOfVersions.has(event.version) : i < a);
        const refused = new Map((pointA.state === 'ready' ? (pointA.value.notApplied ?? []) : []).map((n) => [n.version, n.reason]));
        const inB = (_event: HistoryEvent, i: number) => i < b;
        const pointLabel = (position: number, instant: string | undefined) =>
          instant ? `après l'événement n° ${position} (${formatInstant(instant)})` : `maintenant (${events.length} événements)`;
        const labelA = asOf ? `à la date métier du ${formatDate(asOf)}` : pointLabel(a, at);
        return (
          <>
            <h1 tabIndex={-1}>Historique du dossier {shortReference(id)}</h1>
            <IntegrityFlag integrity={history.integrity} />
            <form className="filters history-controls" aria-label="Instants comparés" onSubmit={(e) => e.preventDefault()}>
              <label className="wide">
                Instant A : l'état tel qu'il était enregistré après l'événement n°
                <input
                  type="range"
                  name="at"
                  min={1}
                  max={events.length}
                  step={1}
                  value={a}
                  aria-valuetext={`${a} sur ${events.length} : ${label(EVENT_LABELS, events[a - 1]?.type)}, enregistré le ${formatInstant(events[a - 1]?.recordedAt)}`}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    const next = new URLSearchParams(search);
                    next.delete('asOf');
                    if (n >= events.length) next.delete('at');
                    else next.set('at', events[n - 1].recordedAt);
                    replaceSearch(next);
                  }}
                />
                <span aria-hidden="true">
                  {a} / {events.length}
                </span>
              </label>
              <label>
                ou à un instant précis (heure de Paris)
                <input
                  type="datetime-local"
                  name="at-instant"
                  step={1}
                  value={at ? toLocalInput(at) : ''}
                  onChange={(e) => {
                    const time = new Date(e.target.value).getTime();
                    if (Number.isNaN(time)) return;
                    const next = new URLSearchParams(search);
                    next.delete('asOf');
                    next.set('at', new Date(time).toISOString());
                    replaceSearch(next);
                  }}
                />
              </label>
              <label>
                ou à une date métier (faits datés de ce jour ou avant)
                <input
                  type="date"
                  name="as-of"
                  value={asOf ?? ''}
                  onChange={(e) => {
                    const next = new URLSearchParams(search);
                    next.delete('at');
                    if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) next.set('asOf', e.target.value);
                    else next.delete('asOf');
                    replaceSearch(next);
                  }}
                />
              </label>
              <label>
                Comparer avec (point B)
                <select name="compare" value={compare ?? ''} onChange={(e) => setParam(search, 'compare', e.target.value || undefined)}>
                  <option value="">Maintenant</option>
                  {events.map((event) => (
                    <option key={event.id} value={event.recordedAt}>
                      Après le n° {event.version} — {label(EVENT_LABELS, event.type)} ({formatInstant(event.recordedAt)})
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="secondary" onClick={() => replaceSearch(new URLSearchParams())}>
                Revenir à maintenant
              </button>
            </form>
            <section aria-labelledby="diff-title">
              <h2 id="diff-title">
                État A {labelA} — comparé à B {pointLabel(b, compare)}
              </h2>
              {pointA.state === 'ready' && pointB.state === 'ready' ? (
                <DiffTable a={pointA.value.state} b={pointB.value} commandLabel={commandLabel} />
              ) : (
                <AsyncView loaded={pointA.state !== 'ready' ? pointA : pointB}>{() => null}</AsyncView>
              )}
            </section>
            <section aria-labelledby="events-title">
              <h2 id="events-title">Événements enregistrés, dans l'ordre</h2>
              <table className="list">
                <caption className="visually-hidden">Événements du dossier ; ceux qui séparent A et B sont signalés</caption>
                <thead>
                  <tr>
                    <th scope="col">N°</th>
                    <th scope="col">Événement</th>
                    <th scope="col">Date métier</th>
                    <th scope="col">Enregistré le</th>
                    <th scope="col">Par</th>
                    <th scope="col">Entre A et B</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event, i) => {
                    // In one of the two states and not the other: what separates A from B.
                    const between = inA(event, i) !== inB(event, i);
                    const broken = history.integrity.firstBroken?.version === event.version;
                    return (
                      <tr key={event.id} className={[between ? 'between' : '', !inA(event, i) ? 'after-a' : '', broken ? 'broken' : ''].join(' ').trim() || undefined}>
                        <td>{event.version}</td>
                        <td>
                          {label(EVENT_LABELS, event.type)}
                          {broken ? ' — altéré' : ''}
                          {refused.has(event.version) ? ` — non appliqué à la date métier (${refused.get(event.version)})` : ''}
                        </td>
                        <td>{formatDate(event.occurredAt)}</td>
                        <td>{formatInstant(event.recordedAt)}</td>
                        <td>{event.actor ? `${event.actor.id} (${event.actor.role})` : '—'}</td>
                        <td>{between ? 'oui' : ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          </>
        );
      }}
    </AsyncView>
  );
}

function DiffTable({ a, b, commandLabel }: { a: StateView; b: StateView; commandLabel: (name: string) => string }) {
  const lines = diffStates(a, b, commandLabel);
  const changed = lines.filter((l) => l.changed).length;
  return (
    <table className="list diff">
      <caption>
        {changed === 0 ? 'Aucune différence entre A et B' : `${changed} différence${changed > 1 ? 's' : ''} entre A et B, surlignée${changed > 1 ? 's' : ''}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">État A</th>
          <th scope="col">État B</th>
          <th scope="col">Différence</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key} className={line.changed ? 'changed' : undefined} data-field={line.key}>
            <th scope="row">{line.label}</th>
            <td>{line.a}</td>
            <td>{line.b}</td>
            <td>{line.changed ? 'modifié' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
