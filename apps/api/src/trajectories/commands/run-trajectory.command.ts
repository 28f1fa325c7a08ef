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
 * The one CommandBus command of every trajectory command: which one is data (`name`, as in the
 * URL), its definition lives in workflows/trajectory, so adding a command adds nothing here.
 */
export class RunTrajectoryCommand extends Command<CommandResultView> {
  constructor(
    readonly trajectoryId: string,
    readonly name: string,
    /** Already checked against the command's schema. */
    readonly payload: Record<string, unknown>,
    readonly meta: CommandMetaInput,
  ) {
    super();
  }
}
