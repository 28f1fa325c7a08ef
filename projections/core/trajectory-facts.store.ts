import type { ProjectionTx } from './projection.port';
import type { TrajectoryFacts } from './trajectory-facts.reducer';

/**
 * Each projection keeps its own copy of the folded facts (a jsonb column beside its query
 * columns), so it can be rebuilt alone and resume from its own checkpoint.
 */
export async function loadFacts(tx: ProjectionTx, table: string, ids: readonly string[]): Promise<Map<string, TrajectoryFacts>> {
  const { rows } = await tx.query<{ trajectory_id: string; facts: TrajectoryFacts | string }>(
    `SELECT trajectory_id, facts FROM ${table} WHERE trajectory_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.trajectory_id, typeof r.facts === 'string' ? (JSON.parse(r.facts) as TrajectoryFacts) : r.facts]));
}
