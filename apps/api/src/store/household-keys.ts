import { join } from 'node:path';
import {
  EncryptingEventStore,
  generateMasterKey,
  InMemoryKeyStore,
  MasterKeyFormatError,
  resolveMasterKeyring,
  SqlKeyStore,
  type KeyStore,
  type MasterKeyring,
} from '../../../../libs/crypto/src';
import { PgliteSqlDatabase, type SqlDatabase } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { StartupError } from '../startup/startup-error';

/** Where the master key comes from (docs/privacy.md). */
export interface MasterKeySettings {
  /** MASTER_KEY: `<id>:<base64 of 32 bytes>`. */
  masterKey?: string;
  /** MASTER_KEY_PREVIOUS: keys replaced by a rotation, comma-separated. */
  masterKeyPrevious?: string;
  /**
   * Refuse to start a PostgreSQL or EventStoreDB store without MASTER_KEY (main.ts). Without it, a
   * store in a server gets a key that lives as long as the process: tests and benchmarks only.
   */
  required?: boolean;
}

/**
 * MASTER_KEY when given; the embedded store generates its key into DATA_DIR; an in-memory store a
 * key of its own. A malformed key, or none for a server store, stops start-up with one sentence.
 */
export function masterKeyringFor(settings: MasterKeySettings, store: { embeddedDir?: string; server: boolean }): MasterKeyring {
  let ring: MasterKeyring | undefined;
  try {
    ring = resolveMasterKeyring({ masterKey: settings.masterKey, previous: settings.masterKeyPrevious, dataDir: store.embeddedDir, create: true });
  } catch (error) {
    if (error instanceof MasterKeyFormatError) throw new StartupError(error.message, { cause: error });
    throw new StartupError(`The master key in ${store.embeddedDir} cannot be read or created: ${(error as Error).message}`, { cause: error });
  }
  if (ring) return ring;
  if (store.server && settings.required) {
    throw new StartupError(
      'MASTER_KEY is required with DATABASE_URL or EVENTSTORE_URL: personal data is encrypted under household keys that it wraps. ' +
        'Generate one with `npm run cli -- rotate-master-key --generate`, keep it in your secret store, and set MASTER_KEY (see docs/privacy.md).',
    );
  }
  return { current: generateMasterKey('ephemeral'), previous: [], source: 'ephemeral', description: 'a master key that lives as long as this process' };
}

/**
 * The household key table: beside the events on PostgreSQL and PGlite; EventStoreDB has no tables,
 * so its keys go to an embedded database in DATA_DIR/household-keys.
 */
export async function openKeyDatabase(storeDb: SqlDatabase | undefined, dataDir: string | undefined): Promise<{ db: SqlDatabase; owned: boolean }> {
  if (storeDb) return { db: storeDb, owned: false };
  const dir = dataDir && dataDir !== 'memory://' ? join(dataDir, 'household-keys') : undefined;
  return { db: await PgliteSqlDatabase.create({ dataDir: dir }), owned: true };
}

export async function openKeyStore(db: SqlDatabase, ring: MasterKeyring): Promise<SqlKeyStore> {
  try {
    return await SqlKeyStore.open(db, ring);
  } catch (error) {
    throw new StartupError(`The household key table could not be created: ${(error as Error).message}`, { cause: error });
  }
}

/** Encryption is never off: a store injected without it (tests, benchmarks) gets keys held in memory. */
export function withEncryption(store: EventStore, keys?: KeyStore): EncryptingEventStore {
  return store instanceof EncryptingEventStore ? store : new EncryptingEventStore(store, keys ?? new InMemoryKeyStore());
}

/** What readers that never need personal data should read: the ciphertext as stored. */
export function sealedStoreOf(store: EventStore): EventStore {
  return store instanceof EncryptingEventStore ? store.sealedStore : store;
}
