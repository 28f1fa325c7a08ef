import { upsertJsonRows } from '../core/json-rows';
import type { Projection, ProjectionTx } from '../core/projection.port';
import { streamStateProjection } from '../core/stream-state.projection';
import { trajectoryIdOfEvent } from '../core/event-date';
import { evolveTrajectoryFacts, type TrajectoryFacts } from '../core/trajectory-facts.reducer';
import { loadFacts } from '../core/trajectory-facts.store';
import { nextDeadline } from '../../workflows/trajectory/src';
import { CASELOAD_COUNTS_TABLE, CASELOAD_MIGRATIONS, CASELOAD_STATE_TABLE, CASELOAD_TABLE } from './caseload.tables';

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
  // The workflow's one definition: the first of trajectoryDeadlines(), as the view and /deadlines list them.
  const next = nextDeadline(f);
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

/**
 * Moves each changed trajectory from its old (stage, referent) count to its new one. Derived from
 * the states before and after the batch, inside the batch's transaction, so a replayed batch cannot
 * count twice; empty counts are deleted so a rebuild gives the very same rows.
 */
async function applyCountDeltas(tx: ProjectionTx, changed: readonly { before: TrajectoryFacts | undefined; after: TrajectoryFacts }[]): Promise<void> {
  const deltas = new Map<string, { stage: string; referent_id: string; n: number }>();
  const add = (stage: string, referent: string | null, n: number): void => {
    const key = `${stage}\u0000${referent ?? ''}`;
    const d = deltas.get(key) ?? { stage, referent_id: referent ?? '', n: 0 };
    d.n += n;
    deltas.set(key, d);
  };
  for (const { before, after } of changed) {
    if (before) add(before.stage, before.referentId, -1);
    add(after.stage, after.referentId, 1);
  }
  const rows = [...deltas.values()].filter((d) => d.n !== 0);
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${CASELOAD_COUNTS_TABLE} (stage, referent_id, n)
     SELECT stage, referent_id, n FROM jsonb_to_recordset($1::jsonb) AS r(stage text, referent_id text, n integer)
     ON CONFLICT (stage, referent_id) DO UPDATE SET n = ${CASELOAD_COUNTS_TABLE}.n + EXCLUDED.n`,
    [JSON.stringify(rows)],
  );
  await tx.query(`DELETE FROM ${CASELOAD_COUNTS_TABLE} WHERE n = 0`);
}

/** One row per trajectory: what a coordinator's caseload screen lists and counts. */
export function caseloadProjection(): Projection {
  return streamStateProjection<TrajectoryFacts>({
    name: CASELOAD_PROJECTION,
    version: 'caseload-8',
    tables: [CASELOAD_TABLE, CASELOAD_STATE_TABLE, CASELOAD_COUNTS_TABLE],
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
      await applyCountDeltas(tx, changed);
    },
  });
}
