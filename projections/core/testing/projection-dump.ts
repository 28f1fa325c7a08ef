import type { Projection } from '../projection.port';
import type { SqlExecutor } from '../sql.port';

/**
 * Every row of every table of a projection as JSON text, sorted: two builds of a projection are
 * "the same tables" when these are equal (jsonb columns compare by value, key order aside).
 */
export async function dumpProjection(db: SqlExecutor, projection: Pick<Projection, 'tables'>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of [...projection.tables].sort()) {
    const { rows } = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY 1`);
    out[table] = rows.map((r) => r.row);
  }
  return out;
}
