import type { SqlExecutor } from '../sql.port';

/**
 * The checkpoint of the last committed event, read from the SQL store's table directly. The store's
 * own readers stop short of transactions still in flight anywhere in the database (other suites
 * share the test server), so "the runner found nothing more" is not "everything appended is applied":
 * tests wait for this checkpoint instead.
 */
export async function endOfLog(db: SqlExecutor): Promise<string> {
  const { rows } = await db.query<{ c: string | null }>(`SELECT tx_id::text || '/' || global_position AS c FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1`);
  return rows[0]?.c ?? '0/0';
}
