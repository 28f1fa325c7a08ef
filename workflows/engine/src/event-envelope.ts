/**
 * The envelope types the engine needs, copied from libs/event-store's port on purpose: the lint
 * layering rule keeps workflows/* from importing the store, and TypeScript's structural typing
 * makes any EventStore usable wherever a WorkflowStore is expected. Keep these field-for-field
 * identical to libs/event-store/src/event-store.port.ts.
 */

export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

export interface EventActor {
  id: string;
  role: string;
}

export interface EventMetadata {
  actor?: EventActor;
  correlationId?: string;
  causationId?: string;
  /** Business instant or date the fact happened (ISO 8601). The engine writes a calendar date. */
  occurredAt?: string;
  /** Server clock at append; set by the store from its injected Clock, never by the caller. */
  recordedAt?: string;
  workflowVersion?: number;
  [key: string]: unknown;
}

/** What a writer hands to append(). */
export interface NewEvent<D = unknown> {
  /** uuid chosen by the writer: appending the same id twice is a no-op. */
  id: string;
  type: string;
  schemaVersion?: number;
  data: D;
  metadata?: EventMetadata;
}

/** The subset of the store's RecordedEvent the engine reads (the store's has more fields). */
export interface RecordedEvent<D = unknown> {
  id: string;
  streamId: string;
  /** 1-based, gap-free within the stream. */
  version: number;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata & { recordedAt: string };
}

export interface AppendResult {
  nextExpectedVersion: number;
  events: RecordedEvent[];
}
