import { randomUUID } from 'node:crypto';
import type { FixedClock } from '../../../domain/src';
import type { AppendResult, Checkpoint, EventStore, NewEvent, RecordedEvent, Subscription } from '../event-store.port';
import { compareCheckpoints } from '../core/checkpoint';

/** What an adapter's spec hands to the contract suite for each test: a fresh, isolated store. */
export interface ContractFixture {
  store: EventStore;
  /**
   * Rewrites one stored event's data behind the store's back, as someone with SQL access could.
   * Absent where stored events cannot be changed at all (EventStoreDB).
   */
  tamper?(streamId: string, version: number, data: unknown): Promise<void>;
  /**
   * Appends (expectedVersion 'any') inside a transaction that stays open for `ms` and/or until
   * `until` settles, then commits: a slow committer. Absent where the store has no transactions.
   */
  appendInSlowTransaction?(streamId: string, events: NewEvent[], hold: SlowHold): Promise<AppendResult>;
  /** False when only one transaction can be open at a time (PGlite: one embedded session). */
  concurrentTransactions: boolean;
  dispose(): Promise<void>;
}

export interface SlowHold {
  ms?: number;
  until?: Promise<unknown>;
  /** Called once the events are written, before the commit. */
  onAppended?: () => void;
}

export type ContractFactory = (context: { clock: FixedClock }) => Promise<ContractFixture>;

export interface ContractSettings {
  /** Writers racing in the readAll/subscribe test (>= 8). */
  writers: number;
  /** Events written by each of them (writers × this >= 2000). */
  eventsPerWriter: number;
  /** Upper bound of a slow committer's hold, ms. */
  maxHoldMs: number;
  /** Size of the large-payload round trip (JSON bytes of data). */
  largePayloadBytes: number;
}

export function newEvent(type = 'SomethingHappened', data: unknown = { n: 1 }, metadata?: NewEvent['metadata']): NewEvent {
  return { id: randomUUID(), type, data, ...(metadata ? { metadata } : {}) };
}

export function newEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

export function uniqueStreamId(prefix = 'trajectory'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Polls a condition until it holds; never a fixed sleep. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The last checkpoint before a test writes anything: later reads start here to see only its events. */
export async function startMarker(store: EventStore): Promise<Checkpoint> {
  return (await store.info()).lastPosition;
}

/**
 * The checkpoint of an append once readers can see it. On PostgreSQL any older transaction still
 * open, in any database of the cluster, holds readers back (ADR 0001): tests wait, never assume.
 */
export async function visibleMarker(store: EventStore, appended: AppendResult): Promise<Checkpoint> {
  const last = appended.events[appended.events.length - 1].checkpoint;
  await waitFor(
    async () => compareCheckpoints((await store.info()).lastPosition, last) >= 0,
    `readers to see ${last} (on PostgreSQL, any transaction left open on the server holds readers back: check pg_stat_activity)`,
  );
  return (await store.info()).lastPosition;
}

/** readAllAfter, retried until at least `count` matching events are visible. */
export async function readAllEventually(store: EventStore, after: Checkpoint, streams: Set<string>, count: number): Promise<RecordedEvent[]> {
  let events: RecordedEvent[] = [];
  await waitFor(async () => (events = await readAllAfter(store, after, streams)).length >= count, `${count} events in readAll`);
  return events;
}

export async function readAllAfter(store: EventStore, after: Checkpoint, streams?: Set<string>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let position = after;
  for (;;) {
    const page = await store.readAll({ after: position, limit: 500 });
    events.push(...page.filter((e) => !streams || streams.has(e.streamId)));
    if (page.length < 500) return events;
    position = page[page.length - 1].checkpoint;
  }
}

export interface Collector {
  subscription: Subscription;
  events: RecordedEvent[];
}

export function collect(store: EventStore, after: Checkpoint, streams?: Set<string>, onEvent?: (e: RecordedEvent) => void): Collector {
  const events: RecordedEvent[] = [];
  const subscription = store.subscribe(
    (event) => {
      if (streams && !streams.has(event.streamId)) return;
      events.push(event);
      onEvent?.(event);
    },
    { after },
  );
  return { subscription, events };
}

export function randomInt(max: number): number {
  return Math.floor(Math.random() * max);
}
