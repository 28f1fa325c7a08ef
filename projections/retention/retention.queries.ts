import type { RetentionCandidate } from '../../libs/privacy/src/retention.policy';
import type { SqlExecutor } from '../core/sql.port';
import { RETENTION_ERASED_TABLE, RETENTION_TRAJECTORIES_TABLE } from './retention.tables';

/** Households not erased yet whose trajectories are all closed: the only ones retention may erase. */
export async function retentionCandidates(db: SqlExecutor): Promise<RetentionCandidate[]> {
  const { rows } = await db.query<{ household_id: string; last_contact_on: string; programmes: string[] | string; trajectories: string | number }>(
    `SELECT t.household_id, max(t.last_contact_on)::text AS last_contact_on,
            array_agg(DISTINCT t.programme_code ORDER BY t.programme_code) AS programmes, count(*) AS trajectories
       FROM ${RETENTION_TRAJECTORIES_TABLE} t
      WHERE NOT EXISTS (SELECT 1 FROM ${RETENTION_ERASED_TABLE} e WHERE e.household_id = t.household_id)
      GROUP BY t.household_id
     HAVING bool_and(t.closed)
      ORDER BY t.household_id`,
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    lastContactOn: r.last_contact_on,
    programmes: Array.isArray(r.programmes) ? r.programmes : parseTextArray(r.programmes),
    trajectories: Number(r.trajectories),
  }));
}

/** Some drivers hand a text[] back as its literal, "{a,b}". Codes are kebab-case: no quoting to undo. */
function parseTextArray(literal: string): string[] {
  const inner = literal.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
}
