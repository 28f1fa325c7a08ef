import { DomainError } from '../../../libs/domain/src';

/**
 * Why a command was not accepted. `invalid` refusals are about the input (HTTP 400), `rule`
 * refusals are about the trajectory's state (HTTP 409 with stage and allowed commands).
 */
export interface Refusal {
  code: string;
  kind: 'invalid' | 'rule';
  stage: string;
  reason: string;
  allowedCommands: string[];
  fields?: { field: string; reason: string }[];
}

/** Thrown by CommandRunner; carries the refusal so the HTTP layer can render problem details. */
export class CommandRefused extends DomainError {
  constructor(readonly refusal: Refusal) {
    super(refusal.code, refusal.reason, refusal.kind === 'invalid' ? 'validation' : 'conflict', {
      stage: refusal.stage,
      allowedCommands: refusal.allowedCommands,
      ...(refusal.fields ? { fields: refusal.fields } : {}),
    });
  }
}

/** The caller's If-Match does not match the stream: HTTP 412, never retried. */
export class PreconditionFailed extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      'precondition-failed',
      `The trajectory is at version ${actualVersion}, not ${expectedVersion}: reload it and try again.`,
      'precondition',
      { streamId, expectedVersion, actualVersion },
    );
  }
}

/** Other writers kept winning the race for longer than the runner's retry budget: HTTP 409. */
export class ConcurrencyConflict extends DomainError {
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super('concurrency-conflict', `The trajectory kept changing while saving (${attempts} attempts): try again.`, 'conflict', {
      streamId,
      attempts,
    });
  }
}

/**
 * A stored stream the machine cannot replay: the stream or the machine registry is wrong, never the
 * user. Deliberately not a DomainError, so the HTTP layer answers 500 and someone looks at it.
 */
export class ReplayFailed extends Error {
  readonly code = 'replay-failed';
  constructor(
    readonly streamId: string,
    readonly version: number,
    readonly type: string,
    why: string,
  ) {
    super(`Cannot replay ${streamId} at version ${version} (${type}): ${why}`);
    this.name = 'ReplayFailed';
  }
}
