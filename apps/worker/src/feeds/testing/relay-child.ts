import { join } from 'node:path';
import type { ProjectionDatabase } from '../../../../../projections/core/sql.port';
import { FeedRelay } from '../feed-relay';
import type { FeedSink } from '../feed.sink';
import type { FeedSource } from '../feed-source.port';
import type { RelayPositionStore } from '../relay-position.port';
import { FileFeedSink, FileFeedSource, FilePositionStore } from './file-feed';

/**
 * The relay in a process of its own, for the SIGKILL test. It publishes to a file sink and reports
 * each acknowledged batch on stdout. With STOP_AFTER_PUBLISH=n it stops dead after the n-th
 * acknowledgement, before storing the position, and waits there for the parent's SIGKILL.
 *
 * argv: <dir> <source: file|sql>. With sql, DATABASE_URL and FEED_SCHEMA name the feed table's place.
 */
async function main(): Promise<void> {
  const [dir, kind = 'file'] = process.argv.slice(2);
  const stopAfter = Number(process.env.STOP_AFTER_PUBLISH ?? 0);
  const file = new FileFeedSink(join(dir, 'published.jsonl'));
  let calls = 0;
  const sink: FeedSink = {
    name: 'file',
    async publish(records) {
      await file.publish(records);
      calls++;
      process.stdout.write(`published ${calls} ${records[records.length - 1].sequence}\n`);
      if (calls === stopAfter) {
        setInterval(() => undefined, 1 << 30);
        await new Promise<never>(() => undefined);
      }
    },
    close: async () => undefined,
  };

  let source: FeedSource;
  let positions: RelayPositionStore;
  let close = async (): Promise<void> => undefined;
  if (kind === 'sql') {
    const { Pool } = await import('pg');
    const { SqlFeedSource } = await import('../sql-feed.source');
    const { SqlRelayPositionStore } = await import('../sql-relay-position.store');
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2, options: `-c search_path=${process.env.FEED_SCHEMA}` });
    const wrap = (c: { query: (sql: string, params?: unknown[]) => Promise<{ rows: never[]; rowCount: number | null }> }) => ({
      query: async (sql: string, params?: unknown[]) => {
        const r = await c.query(sql, params);
        return { rows: r.rows, affectedRows: r.rowCount ?? undefined };
      },
    });
    const db: ProjectionDatabase = {
      kind: 'postgres',
      ...wrap(pool),
      async transaction(fn) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      },
    };
    source = new SqlFeedSource(db);
    const store = new SqlRelayPositionStore(db);
    await store.migrate();
    positions = store;
    close = () => pool.end();
  } else {
    source = new FileFeedSource(join(dir, 'records.json'));
    positions = new FilePositionStore(join(dir, 'position'));
  }

  const relay = new FeedRelay({ name: 'crash-test', source, positions, sink, batchSize: Number(process.env.BATCH_SIZE ?? 10) });
  const total = await relay.drain();
  process.stdout.write(`drained ${total}\n`);
  await close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
