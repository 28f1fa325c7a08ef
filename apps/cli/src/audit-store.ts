import type { EventStore } from '../../../libs/event-store/src/event-store.port';

/** What the auditor commands read: streams, their hash chains, the list of them. Nothing that writes. */
export interface AuditStore {
  store: Pick<EventStore, 'readStream' | 'verifyStream' | 'listStreams'>;
  /** For messages: "postgres 127.0.0.1:5432/test (schema public)", "pglite ./data". */
  description: string;
  close(): Promise<void>;
}

/** Opens the store from the same environment as the API (DATABASE_URL, else DATA_DIR). */
export type AuditStoreOpener = (env: NodeJS.ProcessEnv) => Promise<AuditStore>;
