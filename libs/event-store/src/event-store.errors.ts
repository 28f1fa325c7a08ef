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
