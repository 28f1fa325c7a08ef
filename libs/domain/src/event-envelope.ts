/**
 * The parts of the event envelope (architecture §2) that writers and the workflow engine share with
 * the store. They live here, in the innermost ring, so libs/event-store and workflows/* use one
 * definition without the workflows depending on the store.
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
  /** Business instant or date the fact happened (ISO 8601). */
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
