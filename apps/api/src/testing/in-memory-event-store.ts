import type { Clock } from '../../../../libs/domain/src';
import { canonicalEvent, chainHash, GENESIS_HASH, verifyEvents } from '../../../../libs/event-store/src/core/hash-chain';
import { StreamNotFound, WrongExpectedVersion } from '../../../../libs/event-store/src/event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreInfo,
  Subscription,
} from '../../../../libs/event-store/src/event-store.port';

/**
 * A store in a Map, for API specs that need trajectories but not a database (the e2e suites use
 * the real adapters). The hash chain as the SQL store keeps it, no subscriptions: only what the HTTP layer exercises.
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly all: RecordedEvent[] = [];

  constructor(private readonly clock: Clock) {}

  async append(streamId: string, events: NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const known = events.map((e) => stream.find((r) => r.id === e.id));
    if (known.length > 0 && known.every(Boolean)) return { nextExpectedVersion: stream.length, events: known as RecordedEvent[] };
    const expected = options.expectedVersion ?? 'any';
    const actual = stream.length;
    const ok =
      expected === 'any' ||
      (expected === 'no-stream' && actual === 0) ||
      (expected === 'stream-exists' && actual > 0) ||
      expected === actual;
    if (!ok) throw new WrongExpectedVersion(streamId, expected, actual);
    const recordedAt = this.clock.now().toISOString();
    let previousHash = stream[stream.length - 1]?.hash ?? GENESIS_HASH;
    const recorded = events.map((e, i): RecordedEvent => {
      const globalPosition = this.all.length + i + 1;
      const event = {
        id: e.id,
        streamId,
        version: actual + i + 1,
        globalPosition,
        checkpoint: `0/${globalPosition}`,
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: structuredClone(e.data),
        metadata: { ...structuredClone(e.metadata ?? {}), recordedAt },
      };
      previousHash = chainHash(previousHash, canonicalEvent(event));
      return { ...event, hash: previousHash };
    });
    this.streams.set(streamId, [...stream, ...recorded]);
    this.all.push(...recorded);
    return { nextExpectedVersion: actual + recorded.length, events: recorded };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId);
    if (!stream?.length) throw new StreamNotFound(streamId);
    const from = options.from ?? (options.direction === 'backwards' ? stream.length : 1);
    const selected =
      options.direction === 'backwards' ? stream.filter((e) => e.version <= from).reverse() : stream.filter((e) => e.version >= from);
    return selected.slice(0, options.limit ?? selected.length);
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.length ?? 0;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = Number((options.after ?? '0/0').split('/')[1]);
    const selected = this.all.filter((e) => e.globalPosition > after);
    return selected.slice(0, options.limit ?? selected.length);
  }

  subscribe(): Subscription {
    throw new Error('InMemoryEventStore does not support subscriptions');
  }

  async verifyStream(streamId: string) {
    return verifyEvents(streamId, this.streams.get(streamId) ?? []);
  }

  async listStreams(): Promise<string[]> {
    return [...this.streams.keys()];
  }

  async info(): Promise<StoreInfo> {
    const last = this.all[this.all.length - 1];
    return { kind: 'memory', schemaVersion: 1, lastPosition: last?.checkpoint ?? '0/0', lastGlobalPosition: last?.globalPosition ?? 0 };
  }

  async close(): Promise<void> {}
}
