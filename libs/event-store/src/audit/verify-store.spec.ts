jest.mock('@electric-sql/pglite', () => jest.requireActual('../testing/pglite-outside-sandbox').loadPGliteModule());

import { PGlite } from '@electric-sql/pglite';
import { PgliteSqlDatabase } from '../sql/pglite-sql-database';
import { PgSqlDatabase } from '../sql/pg-sql-database';
import type { SqlDatabase } from '../sql/sql-database';
import { SqlEventStore } from '../sql-store/sql-event-store.adapter';
import { newEvents, uniqueStreamId } from '../testing/contract-helpers';
import { uniqueSchema } from '../testing/sql-fixtures';
import { auditSqlStorage } from './storage-audit';
import { verifyStore } from './verify-store';

const url = process.env.DATABASE_URL;
let pglite: PGlite;

beforeAll(async () => {
  pglite = await PGlite.create();
}, 60_000);
afterAll(() => pglite?.close());

const kinds: [string, () => Promise<SqlDatabase>][] = [
  ['pglite', () => PgliteSqlDatabase.create({ pglite, schema: uniqueSchema('verify_lite') })],
  ...(url ? ([['postgres', async () => new PgSqlDatabase({ connectionString: url, schema: uniqueSchema('verify_pg'), max: 2 })]] as [string, () => Promise<SqlDatabase>][]) : []),
];
if (!url) process.stderr.write('verify-store.spec: DATABASE_URL is not set, the PostgreSQL half is skipped\n');

describe.each(kinds)('verify --all over every stored row (%s)', (_kind, openDb) => {
  let db: SqlDatabase;
  let store: SqlEventStore;
  const target = () => ({ store, storage: () => auditSqlStorage(db) });

  beforeEach(async () => {
    db = await openDb();
    store = await SqlEventStore.open(db);
  });
  afterEach(async () => {
    await db.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
    await store.close();
    await db.close();
  });

  it('calls an empty store empty, and an intact one intact', async () => {
    const empty = await verifyStore(target());
    expect(empty).toMatchObject({ empty: true, intact: true, streams: 0 });
    await store.append(uniqueStreamId(), newEvents(3));
    await store.append(uniqueStreamId(), newEvents(2));
    const progress: number[] = [];
    const full = await verifyStore(target(), (p) => progress.push(p.streamsDone));
    expect(full).toMatchObject({ empty: false, intact: true, streams: 2, eventsChecked: 5, storage: { eventsStored: 5, streamsStored: 2, problems: [] } });
    expect(progress).toEqual([1, 2]);
  });

  it('reports events no stream row points at, version gaps, duplicate positions and a head that lost its last event', async () => {
    const gapped = uniqueStreamId();
    const intact = uniqueStreamId();
    const truncatedStream = uniqueStreamId();
    await store.append(gapped, newEvents(4));
    await store.append(intact, newEvents(2));
    await store.append(truncatedStream, newEvents(3));
    // What two processes writing the same PGlite files leave: rows outside the streams table, rows lost,
    // and (with the primary key index no longer agreeing) two events on one global position.
    await db.query(
      `INSERT INTO events (stream_id, version, id, type, schema_version, data, metadata, hash, tx_id)
       SELECT 'trajectory-orphan', 1, gen_random_uuid(), type, schema_version, data, metadata, hash, tx_id FROM events WHERE stream_id = $1 AND version = 1`,
      [intact],
    );
    await db.query('DELETE FROM events WHERE stream_id = $1 AND version = 2', [gapped]);
    await db.query('DELETE FROM events WHERE stream_id = $1 AND version = 3', [truncatedStream]);
    await db.exec('ALTER TABLE events DROP CONSTRAINT events_pkey');
    await db.query(
      `INSERT INTO events (global_position, stream_id, version, id, type, schema_version, data, metadata, hash, tx_id)
       OVERRIDING SYSTEM VALUE
       SELECT global_position, 'trajectory-twin', 1, gen_random_uuid(), type, schema_version, data, metadata, hash, tx_id FROM events WHERE stream_id = $1 AND version = 2`,
      [intact],
    );

    const result = await verifyStore(target());
    expect(result.intact).toBe(false);
    expect(result.empty).toBe(false);
    const problems = result.storage?.problems ?? [];
    expect(problems.map((p) => [p.kind, p.streamId]).sort()).toEqual(
      [
        ['duplicate-position', undefined],
        ['head-mismatch', truncatedStream],
        ['orphan-events', 'trajectory-orphan'],
        ['orphan-events', 'trajectory-twin'],
        ['version-gap', gapped],
        ['version-gap', truncatedStream],
      ].sort(),
    );
    expect(problems.find((p) => p.kind === 'version-gap' && p.streamId === gapped)?.detail).toBe(`${gapped} is at version 4 but holds 3 event row(s) with versions 1 to 4`);
    expect(problems.find((p) => p.kind === 'duplicate-position')?.detail).toMatch(/is held by 2 events \(.*trajectory-twin/);
  });
});
