import { DomainError, NotFoundError, ValidationError } from '../../domain/src';
import type { ExpectedVersion } from './event-store.port';

export class WrongExpectedVersion extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(
      'wrong-expected-version',
      `Stream ${streamId} is at version ${actualVersion}, not ${String(expectedVersion)}: someone else changed it first.`,
      'conflict',
      { streamId, expectedVersion, actualVersion },
    );
  }
}

export class StreamNotFound extends NotFoundError {
  constructor(readonly streamId: string) {
    super('stream-not-found', `No stream ${streamId}.`);
  }
}

export class EventStoreValidationError extends ValidationError {
  constructor(message: string, field: string) {
    super(message, [{ field, reason: message }], 'invalid-event-store-argument');
  }
}

/**
 * Some of the ids in an append are already stored, but not all of them in this stream: this is not a
 * retry of an earlier append (which would be answered with the stored events) but a different write
 * reusing ids, which is refused as a whole.
 */
export class EventIdConflict extends DomainError {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(
      'event-id-conflict',
      `Some of the event ids appended to ${streamId} are already stored, but not as this exact append: event ids are unique in the store.`,
      'conflict',
      { streamId, eventIds },
    );
  }
}

export type EventStoreStartupReason =
  | 'invalid-url'
  | 'invalid-config'
  | 'unreachable'
  | 'timeout'
  | 'authentication'
  | 'database-missing'
  | 'data-dir'
  | 'data-dir-locked'
  | 'store-missing'
  | 'migration'
  | 'unknown';

/**
 * The store could not start. The message is written for the person starting the process: what was
 * tried, what went wrong, and what to change. Secrets in URLs are never repeated.
 */
export class EventStoreStartupError extends Error {
  constructor(
    readonly reason: EventStoreStartupReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventStoreStartupError';
  }
}
