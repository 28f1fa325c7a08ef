import type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from './event-envelope';

/**
 * The two store operations the engine needs. libs/event-store's EventStore satisfies it
 * structurally; the engine recognises the store's failures by their stable `code` only
 * ('stream-not-found', 'wrong-expected-version'), never by class, so it needs no import of it.
 */
export interface WorkflowStore {
  append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult>;
  /** Must throw an error whose `code` is 'stream-not-found' for a stream that has no event. */
  readStream(streamId: string, options?: { from?: number }): Promise<RecordedEvent[]>;
}

export const STREAM_NOT_FOUND = 'stream-not-found';
export const WRONG_EXPECTED_VERSION = 'wrong-expected-version';

export function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
