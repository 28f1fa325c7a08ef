import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../../libs/domain/src';
import type { CommandResultView } from '../views/trajectory.views';

/** What every trajectory command carries beside its payload. */
export interface CommandMetaInput {
  actor: Actor;
  /** Business date, YYYY-MM-DD. */
  occurredAt: string;
  correlationId: string;
  /** From If-Match: when set, a stale version fails with 412 instead of being retried. */
  expectedVersion?: number;
}

/**
 * Base of the one-class-per-command family dispatched on the CommandBus. Each subclass names its
 * command (`commandName`, kebab-case as in the URL) and fixes its payload type.
 */
export abstract class TrajectoryCommand<P = unknown> extends Command<CommandResultView> {
  constructor(
    readonly trajectoryId: string,
    readonly payload: P,
    readonly meta: CommandMetaInput,
  ) {
    super();
  }
}

export interface TrajectoryCommandClass<P = never> {
  new (trajectoryId: string, payload: P, meta: CommandMetaInput): TrajectoryCommand<unknown>;
  readonly commandName: string;
}

export function commandNameOf(command: TrajectoryCommand): string {
  return (command.constructor as TrajectoryCommandClass).commandName;
}
