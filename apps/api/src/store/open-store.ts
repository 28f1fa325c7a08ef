import type { Clock } from '../../../../libs/domain/src';
import { createEventStore, type SqlDatabase } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { EncryptingEventStore } from '../../../../libs/crypto/src';
import { type MasterKeySettings, masterKeyringFor, openKeyDatabase, openKeyStore } from './household-keys';

export interface StoreSelection {
  /** PostgreSQL connection string. */
  databaseUrl?: string;
  /** PGlite directory; with neither databaseUrl nor dataDir the store is in memory. */
  dataDir?: string;
  /** PostgreSQL schema to keep the tables in (tests and benchmarks use their own). */
  schema?: string;
  eventstoreUrl?: string;
  /** The master key that wraps the households' data keys (docs/privacy.md). */
  masterKeys?: MasterKeySettings;
}

export interface OpenedStore {
  /** Always an EncryptingEventStore: personal data is sealed on the way in, opened on the way out. */
  store: EventStore;
  description: string;
  /** The store's SQL database (PostgreSQL or PGlite), for the tables kept beside the events (the access log). */
  database?: SqlDatabase;
  close(): Promise<void>;
}

/**
 * Opens the configured store and applies its migrations, then puts encryption in front of it.
 * Failures (bad DATABASE_URL, unreachable server, unwritable data directory, malformed MASTER_KEY)
 * stop start-up with a message that says what to fix.
 */
export async function openStore(selection: StoreSelection, clock: Clock): Promise<OpenedStore> {
  const server = Boolean(selection.databaseUrl || selection.eventstoreUrl);
  const embeddedDir = !server && selection.dataDir && selection.dataDir !== 'memory://' ? selection.dataDir : undefined;
  // The key first: a malformed MASTER_KEY must stop start-up before any database work.
  const ring = masterKeyringFor(selection.masterKeys ?? {}, { embeddedDir, server });
  const created = await createEventStore({
    databaseUrl: selection.databaseUrl,
    eventstoreUrl: selection.eventstoreUrl,
    dataDir: selection.dataDir ?? 'memory://',
    schema: selection.schema,
    clock,
  });
  try {
    const keyDb = await openKeyDatabase(created.db, created.kind === 'eventstoredb' ? selection.dataDir : undefined);
    const keys = await openKeyStore(keyDb.db, ring);
    return {
      store: new EncryptingEventStore(created.store, keys),
      description: `${created.description}, personal data encrypted (${ring.description})`,
      ...(created.db ? { database: created.db } : {}),
      // The store owns its database: closing it closes the pool or the PGlite instance.
      close: async () => {
        await created.store.close();
        if (keyDb.owned) await keyDb.db.close();
      },
    };
  } catch (error) {
    await created.store.close().catch(() => undefined);
    throw error;
  }
}
