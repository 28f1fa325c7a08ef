jest.mock('@electric-sql/pglite', () => jest.requireActual('../testing/pglite-outside-sandbox').loadPGliteModule());

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../../domain/src';
import { EventStoreStartupError } from '../event-store.errors';
import { createEventStore, type CreateEventStoreOptions } from './create-event-store.factory';
import { newEvent, uniqueStreamId } from '../testing/contract-helpers';
import { uniqueSchema } from '../testing/sql-fixtures';

const url = process.env.DATABASE_URL;

async function startupError(options: CreateEventStoreOptions): Promise<EventStoreStartupError> {
  const error = await createEventStore(options).then(
    async (created) => {
      await created.store.close();
      throw new Error('expected the store not to start');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EventStoreStartupError);
  return error as EventStoreStartupError;
}

describe('createEventStore start-up errors', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'es-factory-'));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it.each([
    ['not a URL at all', 'definitely not a url'],
    ['another database', 'mysql://root@localhost/db'],
    ['a broken port', 'postgres://user:s3cret@localhost:notaport/db'],
  ])('explains a malformed DATABASE_URL (%s) without echoing the password', async (_label, databaseUrl) => {
    const error = await startupError({ databaseUrl });
    expect(error.reason).toBe('invalid-url');
    expect(error.message).toMatch(/DATABASE_URL/);
    expect(error.message).toMatch(/postgres:\/\/user:password@host:5432\/database/);
    expect(error.message).not.toContain('s3cret');
  });

  it('explains an unreachable server', async () => {
    const error = await startupError({ databaseUrl: 'postgres://postgres:hunter2@127.0.0.1:1/test' });
    expect(error.reason).toBe('unreachable');
    expect(error.message).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/test: connection refused/);
    expect(error.message).not.toContain('hunter2');
    expect(error.cause).toBeDefined();
  });

  describe('with a server that accepts connections and never answers', () => {
    let server: Server;
    let port: number;
    const sockets = new Set<import('node:net').Socket>();

    beforeAll(async () => {
      server = createServer((socket) => void sockets.add(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });

    afterAll(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    });

    it('gives up after connectionTimeoutMillis and says so', async () => {
      const started = Date.now();
      const error = await startupError({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/test`, connectionTimeoutMillis: 300 });
      expect(error.reason).toBe('timeout');
      expect(error.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}/test did not answer within 300 ms`));
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  it('explains a data directory below a file', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a directory');
    const below = await startupError({ dataDir: join(file, 'data') });
    expect(below.reason).toBe('data-dir');
    expect(below.message).toMatch(/Cannot use ".*a-file\/data" as the embedded database directory: part of that path is a file/);
    expect(below.message).toMatch(/DATA_DIR/);
    const itself = await startupError({ dataDir: file });
    expect(itself.message).toMatch(/it exists and is not a directory/);
  });

  it('refuses a schema name that cannot be spliced into SQL', async () => {
    const error = await startupError({ dataDir: 'memory://', schema: 'x; DROP TABLE events' });
    expect(error.reason).toBe('invalid-config');
  });

  it('refuses a malformed EVENTSTORE_URL', async () => {
    const error = await startupError({ eventstoreUrl: 'http://nope' });
    expect(error.reason).toBe('invalid-url');
    expect(error.message).toMatch(/EVENTSTORE_URL/);
  });

  it('keeps PGlite data in dataDir across restarts', async () => {
    const dataDir = join(scratch, 'nested', 'data');
    const clock = new FixedClock('2026-02-01T10:00:00.000Z');
    const first = await createEventStore({ dataDir, clock });
    expect(first.kind).toBe('pglite');
    expect(first.description).toContain(dataDir);
    const streamId = uniqueStreamId();
    const written = await first.store.append(streamId, [newEvent('Persisted', { kept: 'oui' })]);
    await first.store.close();

    const second = await createEventStore({ dataDir, clock });
    expect(await second.store.readStream(streamId)).toEqual(written.events);
    expect(await second.store.info()).toMatchObject({ kind: 'pglite', schemaVersion: 2 });
    await second.store.close();
  }, 90_000);
});

if (!url) {
  process.stderr.write('\n⚠ createEventStore PostgreSQL checks SKIPPED: DATABASE_URL is not set.\n');
  describe.skip('createEventStore on PostgreSQL — skipped: DATABASE_URL is not set', () => {
    it('starts, and explains authentication and missing-database failures', () => undefined);
  });
} else {
  describe('createEventStore on PostgreSQL', () => {
    const withUrl = (change: (u: URL) => void) => {
      const u = new URL(url);
      change(u);
      return u.toString();
    };

    it('explains an authentication failure', async () => {
      const error = await startupError({ databaseUrl: withUrl((u) => ((u.username = 'no_such_role_x'), (u.password = 'pw'))) });
      expect(error.reason).toBe('authentication');
      expect(error.message).toMatch(/refused user "no_such_role_x"/);
      expect(error.message).not.toContain(':pw@');
    });

    it('explains a missing database', async () => {
      const error = await startupError({ databaseUrl: withUrl((u) => (u.pathname = '/no_such_database_x')) });
      expect(error.reason).toBe('database-missing');
      expect(error.message).toMatch(/no database "no_such_database_x"/);
    });

    it('starts a migrated store and hands out its SqlDatabase for projections', async () => {
      const schema = uniqueSchema('es_factory');
      const { store, db, kind, description } = await createEventStore({ databaseUrl: url, schema });
      expect(kind).toBe('postgres');
      expect(description).toContain(schema);
      const streamId = uniqueStreamId();
      await store.append(streamId, [newEvent()]);
      // A projection applies its batch and checkpoint in one transaction, on the same database.
      const count = await db!.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])).rows[0].n);
      expect(count).toBe(1);
      await db!.exec(`DROP SCHEMA "${schema}" CASCADE`);
      await store.close();
      await expect(db!.query('SELECT 1')).rejects.toThrow();
    });
  });
}
