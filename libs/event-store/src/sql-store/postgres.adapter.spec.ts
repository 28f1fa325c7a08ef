import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PgSqlDatabase } from '../sql/pg-sql-database';
import { SqlEventStore } from './sql-event-store.adapter';
import { eventStoreContract } from '../testing/event-store.contract';
import { newEvent, uniqueStreamId, waitFor } from '../testing/contract-helpers';
import { sqlContractFixture, uniqueSchema } from '../testing/sql-fixtures';
import type { SqlDatabase } from '../sql/sql-database';
import type { RecordedEvent } from '../event-store.port';

const url = process.env.DATABASE_URL;

if (!url) {
  process.stderr.write('\n⚠ PostgreSQL adapter suite SKIPPED: DATABASE_URL is not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).\n');
  describe.skip('PostgreSQL adapter — skipped: DATABASE_URL is not set', () => {
    it('passes the EventStore contract on PostgreSQL', () => undefined);
  });
} else {
  const open = (schema: string, max = 14) => new PgSqlDatabase({ connectionString: url, schema, max });

  eventStoreContract('PostgreSQL', async ({ clock }) => {
    const db = open(uniqueSchema('es_pg'));
    const store = await SqlEventStore.open(db, { clock });
    return sqlContractFixture(
      db,
      store,
      async (tx, ms) => {
        await tx.query('SELECT pg_sleep($1)', [ms / 1000]);
      },
      () => db.close(),
    );
  });

  describe('PostgreSQL adapter specifics', () => {
    let db: PgSqlDatabase;
    let store: SqlEventStore;

    beforeAll(async () => {
      db = open(uniqueSchema('es_pg_x'), 4);
      store = await SqlEventStore.open(db);
    });

    afterAll(async () => {
      await store.close();
      await db.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
      await db.close();
    });

    it('appends with a single statement, whatever the number of events', async () => {
      const statements: string[] = [];
      const counting: SqlDatabase = Object.create(db, {
        query: { value: (text: string, params?: unknown[]) => (statements.push(text), db.query(text, params)) },
      });
      const counted = new SqlEventStore(counting);
      const streamId = uniqueStreamId();
      await counted.append(streamId, [newEvent()], { expectedVersion: 'no-stream' });
      await counted.append(streamId, Array.from({ length: 50 }, () => newEvent()), { expectedVersion: 1 });
      await expect(counted.append(streamId, [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({ actualVersion: 51 });
      // The NOTIFY for other processes' subscribers follows in the background, outside the append.
      const appends = statements.filter((s) => !s.includes('pg_notify'));
      expect(appends).toHaveLength(3);
      expect(appends.every((s) => s.includes('es_append'))).toBe(true);
      await counted.close();
    });

    it('wakes a subscriber in another process through NOTIFY, not the poll', async () => {
      const otherDb = open(db.schema, 2);
      const other = new SqlEventStore(otherDb);
      const listener = new SqlEventStore(db, { pollIntervalMs: 600_000 });
      const received: RecordedEvent[] = [];
      const streamId = uniqueStreamId();
      const start = (await listener.info()).lastPosition;
      expect(await listener.startListening()).toBe(true);
      const subscription = listener.subscribe((e) => void received.push(e), { after: start });
      await other.append(streamId, [newEvent()]);
      await waitFor(() => received.length === 1, 'the NOTIFY to wake the subscriber', 30_000);
      await other.append(streamId, [newEvent()]);
      await waitFor(() => received.length === 2, 'a second NOTIFY', 30_000);
      await subscription.stop();
      await listener.close();
      await other.close();
      await otherDb.close();
    });

    it('catches up, without any further NOTIFY, once an unrelated open transaction ends', async () => {
      const listener = new SqlEventStore(db, { pollIntervalMs: 600_000 });
      expect(await listener.startListening()).toBe(true);
      const received: RecordedEvent[] = [];
      const streamId = uniqueStreamId();
      const start = (await listener.info()).lastPosition;
      const subscription = listener.subscribe((e) => void (e.streamId === streamId && received.push(e)), { after: start });
      // An unrelated transaction that holds an xid: until it ends, later commits stay unreadable.
      const blocker = new Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      await store.append(streamId, [newEvent()]);
      expect(await listener.readAll({ after: start })).toEqual([]);
      await blocker.query('COMMIT');
      await blocker.end();
      await waitFor(() => received.length === 1, 'the held-back event once the blocker ends', 30_000);
      await subscription.stop();
      await listener.close();
    });

    it('maps an id appended concurrently into two streams to one winner', async () => {
      const id = randomUUID();
      const outcomes = await Promise.allSettled([
        store.append(uniqueStreamId(), [{ id, type: 'T', data: {} }]),
        store.append(uniqueStreamId(), [{ id, type: 'T', data: {} }]),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'event-id-conflict' });
    });

    it('reports its kind and schema version', async () => {
      expect(await store.info()).toMatchObject({ kind: 'postgres', schemaVersion: 2 });
    });
  });
}
