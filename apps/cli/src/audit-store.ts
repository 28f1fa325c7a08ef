import { auditSqlStorage, verifyStore, type SqlDatabase, type StoreVerification, type StoreVerificationProgress } from '../../../libs/event-store/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';

/** What the auditor commands read: streams and their hash chains, every stored row. Nothing that writes. */
export interface AuditStore {
  store: Pick<EventStore, 'readStream' | 'verifyStream'>;
  /** verify --all: every chain, then every stored row (libs/event-store verifyStore), here or in the API. */
  verifyAll(onProgress: (p: StoreVerificationProgress) => void): Promise<StoreVerification>;
  /** For messages: "postgres 127.0.0.1:5432/test (schema public)", "pglite ./data". */
  description: string;
  close(): Promise<void>;
}

/** Opens the store from the same environment as the API (DATABASE_URL, else DATA_DIR). */
export type AuditStoreOpener = (env: NodeJS.ProcessEnv) => Promise<AuditStore>;

/** The audit commands over a store this process opened; with its SQL database, every stored row is checked too. */
export function directAuditStore(opened: {
  store: Pick<EventStore, 'readStream' | 'verifyStream' | 'listStreams'>;
  db?: SqlDatabase;
  description: string;
  close?: () => Promise<void>;
}): AuditStore {
  const { store, db } = opened;
  return {
    store,
    description: opened.description,
    close: opened.close ?? (async () => undefined),
    verifyAll: (onProgress) => verifyStore({ store, storage: db ? () => auditSqlStorage(db) : undefined }, onProgress),
  };
}
