import { upsertJsonRows } from '../core/json-rows';
import type { Projection } from '../core/projection.port';
import { streamStateProjection } from '../core/stream-state.projection';
import { trajectoryIdOfEvent } from '../core/event-date';
import { evolveTrajectoryFacts, type TrajectoryFacts } from '../core/trajectory-facts.reducer';
import { loadFacts } from '../core/trajectory-facts.store';
import { deadlinesOf } from '../deadlines/deadlines.calculator';
import { CASELOAD_MIGRATIONS, CASELOAD_STATE_TABLE, CASELOAD_TABLE } from './caseload.tables';

export const CASELOAD_PROJECTION = 'caseload';

const COLUMNS = [
  { name: 'trajectory_id', type: 'text' },
  { name: 'version', type: 'integer' },
  { name: 'stage', type: 'text' },
  { name: 'stage_since', type: 'date' },
  { name: 'opened_on', type: 'date' },
  { name: 'referent_id', type: 'text' },
  { name: 'programme_code', type: 'text' },
  { name: 'convention_id', type: 'text' },
  { name: 'prescriber_kind', type: 'text' },
  { name: 'prescriber_name', type: 'text' },
  { name: 'prescriber_id', type: 'text' },
  { name: 'suspended', type: 'boolean' },
  { name: 'next_deadline_kind', type: 'text' },
  { name: 'next_deadline_on', type: 'date' },
  { name: 'next_deadline_brique', type: 'text' },
] as const;

function rowOf(id: string, f: TrajectoryFacts): Record<string, unknown> {
  const next = deadlinesOf(f)[0];
  return {
    trajectory_id: id,
    version: f.version,
    stage: f.stage,
    stage_since: f.stageSince,
    opened_on: f.openedOn,
    referent_id: f.referentId,
    programme_code: f.programmeCode,
    convention_id: f.conventionId,
    prescriber_kind: f.prescriber.kind,
    prescriber_name: f.prescriber.name,
    prescriber_id: f.prescriber.id,
    suspended: f.suspendedSince !== null,
    next_deadline_kind: next?.kind ?? null,
    next_deadline_on: next?.dueOn ?? null,
    next_deadline_brique: next?.briqueCode || null,
  };
}

/** One row per trajectory: what a coordinator's caseload screen lists and counts. */
export function caseloadProjection(): Projection {
  return streamStateProjection<TrajectoryFacts>({
    name: CASELOAD_PROJECTION,
    version: 'caseload-3',
    tables: [CASELOAD_TABLE, CASELOAD_STATE_TABLE],
    migrations: CASELOAD_MIGRATIONS,
    keyOf: trajectoryIdOfEvent,
    load: (tx, ids) => loadFacts(tx, CASELOAD_STATE_TABLE, ids),
    evolve: evolveTrajectoryFacts,
    async save(tx, changed) {
      await upsertJsonRows(tx, CASELOAD_TABLE, COLUMNS, ['trajectory_id'], changed.map((c) => rowOf(c.key, c.after)));
      await upsertJsonRows(
        tx,
        CASELOAD_STATE_TABLE,
        [
          { name: 'trajectory_id', type: 'text' },
          { name: 'facts', type: 'jsonb' },
        ],
        ['trajectory_id'],
        changed.map((c) => ({ trajectory_id: c.key, facts: c.after })),
      );
    },
  });
}
