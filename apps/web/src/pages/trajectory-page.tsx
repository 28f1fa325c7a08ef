import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { AsyncView, useLoad } from '../components/async-view';
import { StatusBadge } from '../components/status-badge';
import { type AllowedCommand, allowedName, loadCommandCatalogue } from '../commands/command-catalogue';
import { CommandDialog } from '../commands/command-dialog';
import { type Integrity, IntegrityFlag } from '../components/integrity-flag';
import { formatDate, formatInstant } from '../format/format-date';
import { DEADLINE_KIND_LABELS, EVENT_LABELS, label, STAGE_LABELS, STAGE_ORDER } from '../i18n/labels.fr';
import { EvaluationGridComparison, type GridSnapshot } from '../trajectory/evaluation-grid-comparison';
import { MeasureSchedule, type ScheduledDeadline } from '../trajectory/measure-schedule';
import { shortReference } from './short-reference';

export interface TrajectoryView {
  id: string;
  version: number;
  stage: string;
  status: string;
  openedOn: string;
  referent?: { id: string } | null;
  programme: { code: string; title: string };
  conventionId?: string | null;
  activeBriques: { code: string; title?: string; startedOn?: string }[];
  nextDeadlines: { kind: string; dueOn: string; ownerId?: string | null; status: string; briqueCode?: string | null; code?: string | null; title?: string }[];
  /** Every deadline the measure has ahead (the API's one schedule); absent for the front desk. */
  schedule?: ScheduledDeadline[];
  monthMeasures?: { count: number; months: string[] };
  allowedCommands: AllowedCommand[];
  details?: {
    diagnostic?: { grid?: { recordedOn: string; ratings: GridSnapshot['ratings'] } };
    evaluation?: { final?: GridSnapshot };
  };
  integrity?: Integrity;
}

interface HistoryEvent {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
}

/** One case: where it stands, what happened, what is due and what may be done now. */
export function TrajectoryPage({ api, id }: { api: ApiClient; id: string }) {
  const [loaded, reload] = useLoad(
    () =>
      Promise.all([
        api.get<TrajectoryView>(`/trajectories/${encodeURIComponent(id)}`),
        api.get<{ events: HistoryEvent[] }>(`/trajectories/${encodeURIComponent(id)}/history`),
        loadCommandCatalogue(api),
      ]),
    [id],
  );
  const [open, setOpen] = useState<string | undefined>();
  return (
    <AsyncView loaded={loaded}>
      {([view, history, catalogue]) => (
        <>
          <h1 tabIndex={-1}>Dossier {shortReference(view.body.id)}</h1>
          <p className="lead">
            {view.body.programme.title} · ouvert le {formatDate(view.body.openedOn)} · référent·e : {view.body.referent?.id ?? 'aucun·e'}
          </p>
          <IntegrityFlag integrity={view.body.integrity} />
          <StagePath stage={view.body.stage} />
          <div className="columns">
            <section aria-labelledby="actions-title">
              <h2 id="actions-title">Actions possibles</h2>
              {view.body.allowedCommands.length === 0 ? (
                <p>Aucune action n'est possible à cette étape.</p>
              ) : (
                <ul className="actions">
                  {view.body.allowedCommands.map((allowed) => {
                    const name = allowedName(allowed);
                    return (
                      <li key={name}>
                        <button type="button" onClick={() => setOpen(name)}>
                          {catalogue.get(name)?.labels.fr ?? name}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            <section aria-labelledby="due-title">
              <h2 id="due-title">Échéances</h2>
              {view.body.nextDeadlines.length === 0 ? (
                <p>Rien n'est dû.</p>
              ) : (
                <ul className="deadlines">
                  {view.body.nextDeadlines.map((d) => (
                    <li key={`${d.kind}-${d.briqueCode ?? ''}-${d.code ?? ''}`}>
                      {d.title ?? label(DEADLINE_KIND_LABELS, d.kind)}
                      {d.briqueCode ? ` (brique ${d.briqueCode})` : ''} : {formatDate(d.dueOn)} <StatusBadge status={d.status} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <MeasureSchedule schedule={view.body.schedule} monthMeasures={view.body.monthMeasures} />
          <EvaluationGridComparison
            diagnostic={view.body.details?.diagnostic?.grid && { on: view.body.details.diagnostic.grid.recordedOn, ratings: view.body.details.diagnostic.grid.ratings }}
            final={view.body.details?.evaluation?.final}
          />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">Historique</h2>
            <table className="list">
              <caption className="visually-hidden">Événements du dossier, du plus ancien au plus récent</caption>
              <thead>
                <tr>
                  <th scope="col">N°</th>
                  <th scope="col">Événement</th>
                  <th scope="col">Date</th>
                  <th scope="col">Enregistré le</th>
                  <th scope="col">Par</th>
                </tr>
              </thead>
              <tbody>
                {history.body.events.map((event) => (
                  <tr key={event.id}>
                    <td>{event.version}</td>
                    <td>{label(EVENT_LABELS, event.type)}</td>
                    <td>{formatDate(event.occurredAt)}</td>
                    <td>{formatInstant(event.recordedAt)}</td>
                    <td>{event.actor.id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {open && catalogue.get(open) && (
            <CommandDialog
              api={api}
              trajectoryId={view.body.id}
              version={view.body.version}
              command={catalogue.get(open)!}
              labelOf={(name) => catalogue.get(name)?.labels.fr ?? name}
              onClose={(changed) => {
                setOpen(undefined);
                if (changed) reload();
              }}
            />
          )}
        </>
      )}
    </AsyncView>
  );
}

function StagePath({ stage }: { stage: string }) {
  const current = STAGE_ORDER.indexOf(stage);
  return (
    <nav aria-label="Étapes du parcours">
      <ol className="stage-path">
        {STAGE_ORDER.map((s, i) => (
          <li key={s} className={i < current ? 'done' : i === current ? 'current' : 'todo'} aria-current={i === current ? 'step' : undefined}>
            {label(STAGE_LABELS, s)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
