/**
 * The EventStore port (architecture §3). Every adapter (PostgreSQL, PGlite, EventStoreDB) implements
 * exactly this and passes the one contract suite in ./testing/event-store.contract.ts.
 */

import type { EventMetadata, ExpectedVersion, NewEvent } from '../../domain/src/event-envelope';

export type { EventActor, EventMetadata, ExpectedVersion, NewEvent } from '../../domain/src/event-envelope';

/**
 * Position in $all, as a reader sees it. PostgreSQL sequences become visible in commit order, not
 * in allocation order, so readers order by (commit, prepare) = (writing transaction id, sequence
 * value) and only read transactions older than every one still in flight (ADR 0001). The string
 * form "commit/prepare" is what projections and feed cursors store.
 */
export type Checkpoint = string;
export const START: Checkpoint = '0/0';

export interface RecordedEvent<D = unknown> {
  id: string;
  streamId: string;
  /** 1-based, gap-free within the stream. */
  version: number;
  /** Unique in the store, allocated at append. */
  globalPosition: number;
  /** Where a reader of $all resumes after this event. Strictly increasing in the order readers see. */
  checkpoint: Checkpoint;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata & { recordedAt: string };
  /** hex sha-256 over the previous event's hash and this event's canonical form. */
  hash: string;
}

export interface AppendResult {
  /** The stream's version after the append (the last event's version). */
  nextExpectedVersion: number;
  /** The events as stored, in order. On an idempotent repeat: the originals. */
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  /** Version to start at, inclusive. Forwards default 1; backwards default the last. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  limit?: number;
}

export interface ReadAllOptions {
  /** Exclusive: the checkpoint of the last event already seen. Default START. */
  after?: Checkpoint;
  limit?: number;
}

export interface SubscribeOptions {
  after?: Checkpoint;
  /** Batch size for catch-up reads. */
  batchSize?: number;
}

export interface Subscription {
  /** Resolves when the subscription has stopped (after stop() or a handler error). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Called for each event in order; the next one waits until the returned promise settles. */
export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface StreamVerification {
  streamId: string;
  ok: boolean;
  eventsChecked: number;
  /** The first event whose stored hash does not match what its content and predecessor give. */
  firstBroken?: { version: number; id: string; expectedHash: string; storedHash: string; reason?: ChainBreak };
}

/**
 * Why a link is broken: 'out-of-sequence' when the event's version does not follow the previous
 * one (a row deleted, inserted or renumbered); 'hash-mismatch' when its content, or its
 * predecessor's, is not what was hashed at append.
 */
export type ChainBreak = 'out-of-sequence' | 'hash-mismatch';

/** A stream as read once, with its hash chain checked on the same rows. */
export interface VerifiedStream {
  events: RecordedEvent[];
  integrity: StreamVerification;
}

export interface StoreInfo {
  kind: 'postgres' | 'pglite' | 'eventstoredb' | 'memory';
  schemaVersion: number;
  lastPosition: Checkpoint;
  lastGlobalPosition: number;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult>;
  /** Throws StreamNotFound for a stream that has no event. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current version of a stream, or 0 when it has none. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up from `after`, then live. Every event exactly once, in checkpoint order. */
  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription;
  verifyStream(streamId: string): Promise<StreamVerification>;
  /** Every stream id, in first-append order; for verify --all and rebuilds. */
  listStreams(options?: { after?: string; limit?: number }): Promise<string[]>;
  info(): Promise<StoreInfo>;
  close(): Promise<void>;
}
