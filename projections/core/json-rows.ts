import type { SqlExecutor } from './sql.port';

/** A column as jsonb_to_recordset reads it: name and SQL type. Names come from code, never input. */
export interface JsonColumn {
  name: string;
  type: string;
}

/**
 * Rows travel as one jsonb parameter and are unpacked server-side: one round trip for a whole
 * batch, the same SQL on PostgreSQL and PGlite, and no 65,535-parameter ceiling.
 */
function recordset(columns: readonly JsonColumn[]): string {
  return `jsonb_to_recordset($1::jsonb) AS r(${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
}

export async function upsertJsonRows(
  tx: SqlExecutor,
  table: string,
  columns: readonly JsonColumn[],
  conflictKey: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name);
  const updates = names.filter((n) => !conflictKey.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${recordset(columns)}
     ON CONFLICT (${conflictKey.join(', ')}) ${updates.length ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING'}`,
    [JSON.stringify(rows)],
  );
}

export async function insertJsonRows(tx: SqlExecutor, table: string, columns: readonly JsonColumn[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name).join(', ');
  await tx.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM ${recordset(columns)}`, [JSON.stringify(rows)]);
}

/** Deletes every row whose `column` is in `keys`. */
export async function deleteWhereIn(tx: SqlExecutor, table: string, column: string, keys: readonly string[], type = 'text'): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(`DELETE FROM ${table} WHERE ${column} IN (SELECT value::${type} FROM jsonb_array_elements_text($1::jsonb))`, [JSON.stringify(keys)]);
}
