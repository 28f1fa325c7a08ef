import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AppendExpectedRevision,
  type ResolvedEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { systemClock, type Clock } from '../../../domain/src';
import {
  START,
  type AppendResult,
  type EventHandler,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreInfo,
  type StreamVerification,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { EventIdConflict, EventStoreValidationError, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import { prepareAppend, validateLimit, validateStreamId, validateVersion } from '../core/append-validation';
import { compareCheckpoints, formatCheckpoint, parseCheckpoint } from '../core/checkpoint';
import { ChainVerifier, GENESIS_HASH, chainHash, completeCanonical } from '../core/hash-chain';

/** Where the adapter keeps what EventStoreDB has no field for: inside each event's metadata. */
const HASH_KEY = '$hash';
const SCHEMA_VERSION_KEY = '$schemaVersion';
const PAGE = 500;

export interface EventStoreDbEventStoreOptions {
  clock?: Clock;
  /** How many of a stream's latest events an append checks for repeated ids. Default 1000. */
  idempotencyWindow?: number;
  /** Attempts for 'any' / 'stream-exists' appends that lose a race. Default 20. */
  maxAttempts?: number;
}

/** The port's expected version in EventStoreDB terms: our versions are 1-based, revisions 0-based. */
export function expectedRevisionFor(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'stream-exists') return STREAM_EXISTS;
  if (expected === 'no-stream' || expected === 0) return NO_STREAM;
  return BigInt(expected - 1);
}

/**
 * EventStore on EventStoreDB / KurrentDB (architecture §3). EventStoreDB numbers, orders and
 * subscribes by itself; what it lacks is the per-stream hash chain, so each append reads the
 * stream's last event, chains the hashes in JS and appends pinned to that exact revision. For
 * 'any' and 'stream-exists' a lost race is retried with the new tail, so the chain stays linear.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly idempotencyWindow: number;
  private readonly maxAttempts: number;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.idempotencyWindow = options.idempotencyWindow ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 20;
  }

  static fromConnectionString(url: string, options?: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(url), options);
  }

  async append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, options, this.clock);
    const expected = prepared.expectedVersion;
    for (let attempt = 1; ; attempt += 1) {
      const tail = await this.readTail(prepared.streamId);
      const stored = new Map(tail.map((e) => [e.id, e]));
      const repeated = prepared.events.filter((e) => stored.has(e.id));
      if (repeated.length === prepared.events.length) {
        const originals = prepared.events.map((e) => stored.get(e.id) as RecordedEvent);
        return { nextExpectedVersion: Math.max(...originals.map((e) => e.version)), events: originals };
      }
      if (repeated.length > 0) throw new EventIdConflict(prepared.streamId, repeated.map((e) => e.id));

      const current = tail[0]?.version ?? 0;
      const refused = (expected === 'stream-exists' && current === 0) || (typeof expected === 'number' && expected !== current) || (expected === 'no-stream' && current !== 0);
      if (refused) throw new WrongExpectedVersion(prepared.streamId, expected, current);

      let previous = tail[0]?.hash ?? GENESIS_HASH;
      const data = prepared.events.map((event, index) => {
        const canonical = completeCanonical(event.body, current + index + 1);
        previous = chainHash(previous, canonical);
        const parsed = JSON.parse(canonical) as { data: unknown; metadata: Record<string, unknown> };
        return jsonEvent({
          id: event.id,
          type: event.type,
          // The client's types want an object, array or string; null and numbers serialise as JSON all the same.
          data: parsed.data as never,
          metadata: { ...parsed.metadata, [HASH_KEY]: previous, [SCHEMA_VERSION_KEY]: event.schemaVersion },
        });
      });
      try {
        await this.client.appendToStream(prepared.streamId, data, {
          expectedRevision: current === 0 ? NO_STREAM : BigInt(current - 1),
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const flexible = expected === 'any' || expected === 'stream-exists';
        if (flexible && attempt < this.maxAttempts) continue;
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) + 1 : 0;
        throw new WrongExpectedVersion(prepared.streamId, expected, actual);
      }
      // Positions in $all are only known by reading the events back.
      const written = await this.readStream(prepared.streamId, { from: current + 1, limit: prepared.events.length });
      return { nextExpectedVersion: current + prepared.events.length, events: written };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateStreamId(streamId);
    const direction = options.direction ?? 'forwards';
    if (direction !== 'forwards' && direction !== 'backwards') {
      throw new EventStoreValidationError(`direction must be 'forwards' or 'backwards'`, 'direction');
    }
    const limit = validateLimit(options.limit);
    const from = validateVersion(options.from, 'from');
    const fromRevision = from === undefined ? (direction === 'forwards' ? ESDB_START : END) : BigInt(Math.max(from, 1) - 1);
    if (direction === 'backwards' && from === 0) return this.ensureExists(streamId, []);
    const events: RecordedEvent[] = [];
    try {
      const reading = this.client.readStream(streamId, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision,
        ...(limit ? { maxCount: limit } : {}),
      });
      for await (const resolved of reading) {
        const event = toRecorded(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new StreamNotFound(streamId);
      throw error;
    }
    return this.ensureExists(streamId, events);
  }

  async streamVersion(streamId: string): Promise<number> {
    validateStreamId(streamId);
    return (await this.readTail(streamId, 1))[0]?.version ?? 0;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    parseCheckpoint(after);
    const limit = validateLimit(options.limit) ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    // readAll starts at (not after) the given position, and $all holds system events too.
    let cursor = after;
    for (;;) {
      let seen = 0;
      const { commit, prepare } = parseCheckpoint(cursor);
      const from = cursor === START ? ESDB_START : { commit, prepare };
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: PAGE })) {
        seen += 1;
        const at = resolved.event?.position;
        if (!at) continue;
        const checkpoint = formatCheckpoint(at.commit, at.prepare);
        if (compareCheckpoints(checkpoint, cursor) <= 0) continue;
        cursor = checkpoint;
        const event = toRecorded(resolved);
        if (!event) continue;
        events.push(event);
        if (events.length >= limit) return events;
      }
      if (seen < PAGE) return events;
    }
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const after = options.after ?? START;
    const position = parseCheckpoint(after);
    const feed = this.client.subscribeToAll({
      fromPosition: after === START ? ESDB_START : { commit: position.commit, prepare: position.prepare },
      filter: excludeSystemEvents(),
    });
    const insideHandler = new AsyncLocalStorage<true>();
    let stopped = false;
    const run = async (): Promise<void> => {
      try {
        for await (const resolved of feed) {
          if (stopped) break;
          const event = toRecorded(resolved);
          if (!event || compareCheckpoints(event.checkpoint, after) <= 0) continue;
          await insideHandler.run(true, () => handler(event));
        }
      } catch (error) {
        if (!stopped) throw error;
      } finally {
        stopped = true;
        await feed.unsubscribe().catch(() => undefined);
      }
    };
    const done = run();
    done.catch(() => undefined);
    const subscription: Subscription = {
      done,
      stop: async () => {
        stopped = true;
        await feed.unsubscribe().catch(() => undefined);
        if (!insideHandler.getStore()) await done.catch(() => undefined);
      },
    };
    this.subscriptions.add(subscription);
    void done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const verifier = new ChainVerifier(streamId);
    for (let from = 1; ; ) {
      const page = await this.readStream(streamId, { from, limit: PAGE });
      for (const event of page) if (!verifier.push(event)) return verifier.result();
      if (page.length < PAGE) return verifier.result();
      from = page[page.length - 1].version + 1;
    }
  }

  /** Scans $all for first events: EventStoreDB has no cheap list of streams without system projections. */
  async listStreams(options: { after?: string; limit?: number } = {}): Promise<string[]> {
    const limit = validateLimit(options.limit) ?? Number.MAX_SAFE_INTEGER;
    const streams: string[] = [];
    let checkpoint = START;
    for (;;) {
      const page = await this.readAll({ after: checkpoint, limit: PAGE });
      streams.push(...page.filter((e) => e.version === 1).map((e) => e.streamId));
      if (page.length < PAGE) break;
      checkpoint = page[page.length - 1].checkpoint;
    }
    if (options.after === undefined) return streams.slice(0, limit);
    const index = streams.indexOf(options.after);
    if (index < 0) throw new StreamNotFound(options.after);
    return streams.slice(index + 1, index + 1 + limit);
  }

  async info(): Promise<StoreInfo> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: PAGE })) {
      const event = toRecorded(resolved);
      if (event) return { kind: 'eventstoredb', schemaVersion: 1, lastPosition: event.checkpoint, lastGlobalPosition: event.globalPosition };
    }
    return { kind: 'eventstoredb', schemaVersion: 1, lastPosition: START, lastGlobalPosition: 0 };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** The stream's latest events, newest first; empty when it does not exist. */
  private async readTail(streamId: string, count = this.idempotencyWindow): Promise<RecordedEvent[]> {
    try {
      return await this.readStream(streamId, { direction: 'backwards', limit: count });
    } catch (error) {
      if (error instanceof StreamNotFound) return [];
      throw error;
    }
  }

  private async ensureExists(streamId: string, events: RecordedEvent[]): Promise<RecordedEvent[]> {
    if (events.length === 0 && (await this.readTail(streamId, 1)).length === 0) throw new StreamNotFound(streamId);
    return events;
  }
}

/** Our envelope from an EventStoreDB event; undefined for events this adapter did not write. */
function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || !event.position) return undefined;
  const raw = event.metadata as Record<string, unknown> | undefined;
  if (!raw || typeof raw[HASH_KEY] !== 'string') return undefined;
  const { [HASH_KEY]: hash, [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = raw;
  return {
    id: event.id,
    streamId: event.streamId,
    version: Number(event.revision) + 1,
    globalPosition: Number(event.position.prepare),
    checkpoint: formatCheckpoint(event.position.commit, event.position.prepare),
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data,
    metadata: metadata as RecordedEvent['metadata'],
    hash: hash as string,
  };
}
