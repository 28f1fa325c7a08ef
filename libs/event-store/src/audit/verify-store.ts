import type { EventStore, StreamVerification } from '../event-store.port';
import type { StorageAudit } from './storage-audit';

export interface StoreVerificationProgress {
  streamsDone: number;
  streamsTotal: number;
  eventsChecked: number;
  altered: number;
}

export interface StoreVerification {
  streams: number;
  eventsChecked: number;
  /** Streams whose hash chain is broken. */
  altered: StreamVerification[];
  /** Rows outside the chains (SQL stores); absent where the store keeps them itself (EventStoreDB). */
  storage?: StorageAudit;
  /** Nothing stored at all: the wrong store, most likely (a forgotten DATABASE_URL). */
  empty: boolean;
  /** Chains intact and no stored row outside them. */
  intact: boolean;
}

export interface VerifiableStore {
  store: Pick<EventStore, 'listStreams' | 'verifyStream'>;
  /** Checks every stored row (auditSqlStorage on the SQL stores). */
  storage?: () => Promise<StorageAudit>;
}

const PAGE = 1000;

/**
 * `verify --all`, for the CLI and the API's verification job alike: every stream's hash chain, then
 * every stored row, so that events no chain reaches are reported too.
 */
export async function verifyStore(target: VerifiableStore, onProgress?: (p: StoreVerificationProgress) => void): Promise<StoreVerification> {
  const streams = await allStreams(target.store);
  const altered: StreamVerification[] = [];
  let eventsChecked = 0;
  for (let i = 0; i < streams.length; i++) {
    const result = await target.store.verifyStream(streams[i]);
    eventsChecked += result.eventsChecked;
    if (!result.ok) altered.push(result);
    onProgress?.({ streamsDone: i + 1, streamsTotal: streams.length, eventsChecked, altered: altered.length });
  }
  const storage = target.storage ? await target.storage() : undefined;
  const empty = streams.length === 0 && (storage?.eventsStored ?? 0) === 0;
  return { streams: streams.length, eventsChecked, altered, storage, empty, intact: altered.length === 0 && (storage?.problems.length ?? 0) === 0 };
}

async function allStreams(store: Pick<EventStore, 'listStreams'>): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await store.listStreams({ after: ids[ids.length - 1], limit: PAGE });
    ids.push(...page);
    if (page.length < PAGE) return ids;
  }
}
