import type { Clock } from '../../../../libs/domain/src';
import { createEventStore, type SqlDatabase } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';

export interface StoreSelection {
  /** PostgreSQL connection string. */
  databaseUrl?: string;
  /** PGlite directory; with neither databaseUrl nor dataDir the store is in memory. */
  dataDir?: string;
  /** PostgreSQL schema to keep the tables in (tests and benchmarks use their own). */
  schema?: string;
  eventstoreUrl?: string;
}

export interface OpenedStore {
  store: EventStore;
  description: string;
  /** The store's SQL database (PostgreSQL or PGlite), for the tables kept beside the events (the access log). */
  database?: SqlDatabase;
  close(): Promise<void>;
}

/**
 * Opens the configured store and applies its migrations. Failures (bad DATABASE_URL, unreachable
 * server, unwritable data directory) are EventStoreStartupErrors whose message says what to fix.
 */
export async function openStore(selection: StoreSelection, clock: Clock): Promise<OpenedStore> {
  const created = await createEventStore({
    databaseUrl: selection.databaseUrl,
    eventstoreUrl: selection.eventstoreUrl,
    dataDir: selection.dataDir ?? 'memory://',
    schema: selection.schema,
    clock,
  });
  return {
    store: created.store,
    description: created.description,
    ...(created.db ? { database: created.db } : {}),
    // The store owns its database: closing it closes the pool or the PGlite instance.
    close: () => created.store.close(),
  };
}
