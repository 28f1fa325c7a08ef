import type { Clock } from '../../../../libs/domain/src';
import type { SqlDatabase } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { StartupError } from '../startup/startup-error';

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

export async function openStore(_selection: StoreSelection, _clock: Clock): Promise<OpenedStore> {
  throw new StartupError('No event store adapter is available yet.');
}
