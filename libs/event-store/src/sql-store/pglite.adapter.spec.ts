jest.mock('@electric-sql/pglite', () => jest.requireActual('../testing/pglite-outside-sandbox').loadPGliteModule());

import { PGlite } from '@electric-sql/pglite';
import { PgliteSqlDatabase } from '../sql/pglite-sql-database';
import { runMigrations } from '../sql/migration-runner';
import { SqlEventStore } from './sql-event-store.adapter';
import { eventStoreMigrations } from './event-store.migrations';
import { eventStoreContract } from '../testing/event-store.contract';
import { newEvent, uniqueStreamId, waitFor } from '../testing/contract-helpers';
import { sqlContractFixture, uniqueSchema } from '../testing/sql-fixtures';
import type { RecordedEvent } from '../event-store.port';

// Starting PGlite costs seconds: one in-memory instance for the file, one schema per test.
let pglite: PGlite;

beforeAll(async () => {
  pglite = await PGlite.create();
}, 60_000);

afterAll(async () => {
  await pglite?.close();
});

eventStoreContract(
  'PGlite',
  async ({ clock }) => {
    const db = await PgliteSqlDatabase.create({ pglite, schema: uniqueSchema('es_lite') });
    const store = await SqlEventStore.open(db, { clock });
    // One session: a slow committer holds the whole database, so it waits in JS rather than in SQL.
    return sqlContractFixture(db, store, (_tx, ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  },
  { maxHoldMs: 10 },
);

describe('PGlite adapter specifics', () => {
  it('re-runs migrations as a no-op', async () => {
    const db = await PgliteSqlDatabase.create({ pglite, schema: uniqueSchema('es_lite_m') });
    const first = await runMigrations(db, eventStoreMigrations);
    const second = await runMigrations(db, eventStoreMigrations);
    expect(first).toEqual({ namespace: 'event-store', applied: [1, 2], currentVersion: 2 });
    expect(second).toEqual({ namespace: 'event-store', applied: [], currentVersion: 2 });
    await db.exec(`DROP SCHEMA "${db.schema}" CASCADE`);
  });

  it('wakes a subscriber of another store instance through NOTIFY, not the poll', async () => {
    const db = await PgliteSqlDatabase.create({ pglite, schema: uniqueSchema('es_lite_n') });
    const writer = await SqlEventStore.open(db);
    const listener = new SqlEventStore(db, { pollIntervalMs: 600_000 });
    expect(await listener.startListening()).toBe(true);
    const received: RecordedEvent[] = [];
    const subscription = listener.subscribe((e) => void received.push(e));
    await writer.append(uniqueStreamId(), [newEvent()]);
    await waitFor(() => received.length === 1, 'the first event', 10_000);
    await writer.append(uniqueStreamId(), [newEvent()]);
    await waitFor(() => received.length === 2, 'the NOTIFY to wake the subscriber', 10_000);
    await subscription.stop();
    await listener.close();
    await writer.close();
    await db.exec(`DROP SCHEMA "${db.schema}" CASCADE`);
  });

  it('reports its kind', async () => {
    const db = await PgliteSqlDatabase.create({ pglite, schema: uniqueSchema('es_lite_i') });
    const store = await SqlEventStore.open(db);
    expect(await store.info()).toEqual({ kind: 'pglite', schemaVersion: 2, lastPosition: '0/0', lastGlobalPosition: 0 });
    await store.close();
    await db.exec(`DROP SCHEMA "${db.schema}" CASCADE`);
  });
});
