import { deleteWhereIn, insertJsonRows, upsertJsonRows } from '../core/json-rows';
import type { Projection } from '../core/projection.port';
import { streamStateProjection } from '../core/stream-state.projection';
import { trajectoryIdOfEvent } from '../core/event-date';
import { evolveTrajectoryFacts, type TrajectoryFacts } from '../core/trajectory-facts.reducer';
import { loadFacts } from '../core/trajectory-facts.store';
import { deadlinesOf } from './deadlines.calculator';
import { DEADLINES_COUNTS_TABLE, DEADLINES_MIGRATIONS, DEADLINES_STATE_TABLE, DEADLINES_TABLE } from './deadlines.tables';

export const DEADLINES_PROJECTION = 'deadlines';

/**
 * Due dates are computed when events arrive and stored; whether one is overdue is decided by the
 * query against today's date, so nothing has to run at midnight.
 */
export function deadlinesProjection(): Projection {
  return streamStateProjection<TrajectoryFacts>({
    name: DEADLINES_PROJECTION,
    version: 'deadlines-4',
    tables: [DEADLINES_TABLE, DEADLINES_STATE_TABLE, DEADLINES_COUNTS_TABLE],
    migrations: DEADLINES_MIGRATIONS,
    keyOf: trajectoryIdOfEvent,
    load: (tx, ids) => loadFacts(tx, DEADLINES_STATE_TABLE, ids),
    evolve: evolveTrajectoryFacts,
    async save(tx, changed) {
      await upsertJsonRows(
        tx,
        DEADLINES_STATE_TABLE,
        [
          { name: 'trajectory_id', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'facts', type: 'jsonb' },
        ],
        ['trajectory_id'],
        changed.map((c) => ({ trajectory_id: c.key, version: c.after.version, facts: c.after })),
      );
      await deleteWhereIn(
        tx,
        DEADLINES_TABLE,
        'trajectory_id',
        changed.filter((c) => c.before).map((c) => c.key),
      );
      await insertJsonRows(
        tx,
        DEADLINES_TABLE,
        [
          { name: 'trajectory_id', type: 'text' },
          { name: 'kind', type: 'text' },
          { name: 'brique_code', type: 'text' },
          { name: 'code', type: 'text' },
          { name: 'owner_id', type: 'text' },
          { name: 'due_on', type: 'date' },
          { name: 'stage', type: 'text' },
          { name: 'programme_code', type: 'text' },
          { name: 'convention_id', type: 'text' },
        ],
        changed.flatMap((c) =>
          deadlinesOf(c.after).map((d) => ({
            trajectory_id: c.key,
            kind: d.kind,
            brique_code: d.briqueCode,
            code: d.code,
            owner_id: d.ownerId,
            due_on: d.dueOn,
            stage: c.after.stage,
            programme_code: c.after.programmeCode,
            convention_id: c.after.conventionId,
          })),
        ),
      );
    },
  });
}
