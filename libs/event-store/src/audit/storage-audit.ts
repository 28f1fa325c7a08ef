import type { SqlDatabase } from '../sql/sql-database';

export type StorageProblemKind = 'orphan-events' | 'version-gap' | 'duplicate-position' | 'duplicate-event-id' | 'head-mismatch';

export interface StorageProblem {
  kind: StorageProblemKind;
  streamId?: string;
  /** One sentence for the auditor. */
  detail: string;
}

export interface StorageAudit {
  eventsStored: number;
  streamsStored: number;
  problems: StorageProblem[];
  /** More problems than listed (each kind lists at most LIMIT). */
  truncated: boolean;
}

const LIMIT = 100;

/**
 * Every stored row, not only what the streams table points at. A hash chain is read through the
 * streams table and by (stream, version): rows outside it (two processes that each wrote the same
 * files, a manual INSERT) are invisible to it. Indexes are bypassed, since the damage looked for
 * is exactly an index that no longer agrees with its table.
 */
export async function auditSqlStorage(db: SqlDatabase): Promise<StorageAudit> {
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off; SET LOCAL enable_bitmapscan = off; SET TRANSACTION READ ONLY;');
    const counts = await tx.query<{ events: string; streams: string }>('SELECT (SELECT count(*) FROM events)::text AS events, (SELECT count(*) FROM streams)::text AS streams');
    const problems: StorageProblem[] = [];
    let truncated = false;
    const collect = async <T>(sql: string, describe: (row: T) => StorageProblem): Promise<void> => {
      const { rows } = await tx.query<T>(`${sql} LIMIT ${LIMIT + 1}`);
      if (rows.length > LIMIT) truncated = true;
      problems.push(...rows.slice(0, LIMIT).map(describe));
    };
    await collect<{ stream_id: string; n: string }>(
      `SELECT e.stream_id, count(*)::text AS n FROM events e
        WHERE NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = e.stream_id)
        GROUP BY e.stream_id ORDER BY e.stream_id`,
      (r) => ({ kind: 'orphan-events', streamId: r.stream_id, detail: `${r.n} stored event(s) of ${r.stream_id}, a stream the streams table does not know` }),
    );
    await collect<{ stream_id: string; version: number; n: string; distinct_versions: string; lowest: number | null; highest: number | null }>(
      `SELECT s.stream_id, s.version, count(e.version)::text AS n, count(DISTINCT e.version)::text AS distinct_versions,
              min(e.version) AS lowest, max(e.version) AS highest
         FROM streams s LEFT JOIN events e ON e.stream_id = s.stream_id
        GROUP BY s.stream_id, s.version
       HAVING count(e.version) <> s.version OR count(DISTINCT e.version) <> count(e.version)
           OR coalesce(min(e.version), 0) <> 1 OR coalesce(max(e.version), 0) <> s.version
        ORDER BY s.stream_id`,
      (r) => ({
        kind: 'version-gap',
        streamId: r.stream_id,
        detail:
          `${r.stream_id} is at version ${r.version} but holds ${r.n} event row(s)` +
          (r.lowest === null ? '' : ` with versions ${r.lowest} to ${r.highest}`) +
          (r.distinct_versions !== r.n ? `, ${Number(r.n) - Number(r.distinct_versions)} version(s) stored twice` : ''),
      }),
    );
    await collect<{ global_position: string; n: string; streams: string }>(
      `SELECT global_position::text, count(*)::text AS n, string_agg(DISTINCT stream_id, ', ') AS streams
         FROM events GROUP BY global_position HAVING count(*) > 1 ORDER BY global_position`,
      (r) => ({ kind: 'duplicate-position', detail: `global position ${r.global_position} is held by ${r.n} events (${r.streams})` }),
    );
    await collect<{ id: string; n: string }>(
      'SELECT id::text, count(*)::text AS n FROM events GROUP BY id HAVING count(*) > 1 ORDER BY id',
      (r) => ({ kind: 'duplicate-event-id', detail: `event id ${r.id} is stored ${r.n} times` }),
    );
    await collect<{ stream_id: string; version: number }>(
      `SELECT s.stream_id, s.version FROM streams s
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = s.stream_id AND e.version = s.version AND e.hash = s.last_hash)
        ORDER BY s.stream_id`,
      (r) => ({ kind: 'head-mismatch', streamId: r.stream_id, detail: `${r.stream_id}: no stored event #${r.version} carries the hash the streams table recorded as its last` }),
    );
    return { eventsStored: Number(counts.rows[0].events), streamsStored: Number(counts.rows[0].streams), problems, truncated };
  });
}
