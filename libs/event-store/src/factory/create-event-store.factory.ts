import { resolve } from 'node:path';
import type { Clock } from '../../../domain/src';
import type { EventStore } from '../event-store.port';
import { EventStoreStartupError } from '../event-store.errors';
import { MigrationError } from '../sql/migration-runner';
import { PgSqlDatabase } from '../sql/pg-sql-database';
import { PgliteSqlDatabase } from '../sql/pglite-sql-database';
import { assertSchemaName, type SqlDatabase } from '../sql/sql-database';
import { SqlEventStore } from '../sql-store/sql-event-store.adapter';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store.adapter';
import { checkDataDir, parsePostgresUrl, postgresStartupError, redact } from './startup-checks';

export interface CreateEventStoreOptions {
  /** PostgreSQL (production). Takes precedence over dataDir. */
  databaseUrl?: string;
  /** PGlite data directory, used when neither URL is given. Default ./data; 'memory://' for in-memory. */
  dataDir?: string;
  /** EventStoreDB / KurrentDB (esdb://…). Takes precedence over everything else. */
  eventstoreUrl?: string;
  clock?: Clock;
  /** PostgreSQL schema for the SQL stores. Default 'public'. */
  schema?: string;
  /** Connection attempt limit for PostgreSQL; default 5000 ms. */
  connectionTimeoutMillis?: number;
  /** PostgreSQL pool size; default 10. */
  poolSize?: number;
  /** Who opens an embedded directory, for its lock ('api', 'worker', 'cli'). */
  owner?: string;
  /** Refuse an embedded directory that holds no store yet instead of creating one (the audit commands). */
  mustExist?: boolean;
}

export interface CreatedEventStore {
  store: EventStore;
  /** The SQL database under the store (postgres, pglite): projections share it. Closed by store.close(). */
  db?: SqlDatabase;
  kind: 'postgres' | 'pglite' | 'eventstoredb';
  /** For the start-up log line; never contains a password. */
  description: string;
}

/**
 * Opens the configured store, applies its migrations and checks it answers, so a process either
 * starts with a working store or stops with an EventStoreStartupError that says what to fix.
 */
export async function createEventStore(options: CreateEventStoreOptions = {}): Promise<CreatedEventStore> {
  if (options.schema !== undefined) {
    try {
      assertSchemaName(options.schema);
    } catch (error) {
      throw new EventStoreStartupError('invalid-config', `Invalid event store schema: ${(error as Error).message}`, { cause: error });
    }
  }
  if (options.eventstoreUrl) return openEventStoreDb(options.eventstoreUrl, options);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir ?? resolve('data'), options);
}

async function openPostgres(databaseUrl: string, options: CreateEventStoreOptions): Promise<CreatedEventStore> {
  const target = parsePostgresUrl(databaseUrl);
  const timeout = options.connectionTimeoutMillis ?? 5000;
  const db = new PgSqlDatabase({ connectionString: databaseUrl, schema: options.schema, max: options.poolSize, connectionTimeoutMillis: timeout });
  try {
    await db.query('SELECT 1');
  } catch (error) {
    await db.close().catch(() => undefined);
    throw postgresStartupError(error, target, timeout);
  }
  const store = await openSqlStore(db, options, `PostgreSQL at ${target.where}`);
  return { store, db, kind: 'postgres', description: `postgres ${target.where} (schema ${db.schema})` };
}

async function openPglite(dataDir: string, options: CreateEventStoreOptions): Promise<CreatedEventStore> {
  const inMemory = dataDir === 'memory://';
  if (!inMemory && !options.mustExist) checkDataDir(dataDir);
  let db: PgliteSqlDatabase;
  try {
    db = await PgliteSqlDatabase.create({ dataDir: inMemory ? undefined : dataDir, schema: options.schema, owner: options.owner, mustExist: options.mustExist });
  } catch (error) {
    if (error instanceof EventStoreStartupError) throw error;
    throw new EventStoreStartupError(
      'data-dir',
      `The embedded database (PGlite) could not open "${dataDir}": ${(error as Error).message ?? String(error)}. ` +
        'Is another process using this directory, or does it hold something other than a PGlite database?',
      { cause: error },
    );
  }
  const where = inMemory ? 'in memory' : dataDir;
  const store = await openSqlStore(db, options, `PGlite (${where})`);
  return { store, db, kind: 'pglite', description: `pglite ${where} (schema ${db.schema})` };
}

async function openSqlStore(db: SqlDatabase, options: CreateEventStoreOptions, where: string): Promise<SqlEventStore> {
  try {
    return await SqlEventStore.open(db, { clock: options.clock, ownsDatabase: true });
  } catch (error) {
    await db.close().catch(() => undefined);
    const detail = error instanceof MigrationError ? error.message : `${(error as Error).message ?? String(error)}`;
    throw new EventStoreStartupError('migration', `The event store's migrations could not be applied on ${where}: ${detail}`, { cause: error });
  }
}

async function openEventStoreDb(eventstoreUrl: string, options: CreateEventStoreOptions): Promise<CreatedEventStore> {
  let shown = eventstoreUrl;
  try {
    shown = redact(new URL(eventstoreUrl));
  } catch {
    // Not a WHATWG URL (e.g. a cluster list); the client parser below decides.
  }
  let store: EventStoreDbEventStore;
  try {
    store = EventStoreDbEventStore.fromConnectionString(eventstoreUrl, { clock: options.clock });
  } catch (error) {
    throw new EventStoreStartupError(
      'invalid-url',
      `EVENTSTORE_URL is not a valid EventStoreDB connection string (expected esdb://host:2113?tls=false): ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    await withTimeout(store.info(), options.connectionTimeoutMillis ?? 5000);
  } catch (error) {
    await store.close().catch(() => undefined);
    const timedOut = error instanceof TimeoutError;
    throw new EventStoreStartupError(
      timedOut ? 'timeout' : 'unreachable',
      `EventStoreDB at ${shown} ${timedOut ? 'did not answer in time' : `could not be reached: ${(error as Error).message}`}. Is it running, and do tls/credentials in EVENTSTORE_URL match the server?`,
      { cause: error },
    );
  }
  return { store, kind: 'eventstoredb', description: `eventstoredb ${shown}` };
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
