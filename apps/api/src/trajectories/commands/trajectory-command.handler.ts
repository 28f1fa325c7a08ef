import { Inject, Injectable } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import { trajectoryStreamId } from '../../../../../libs/domain/src';
import type { TrajectoryRunner } from '../trajectory-runner.provider';
import { TRAJECTORY_RUNNER } from '../trajectory.tokens';
import { type CommandResultView, commandResultView } from '../views/trajectory.views';
import { commandNameOf, type TrajectoryCommand } from './trajectory-command';

/**
 * The shared path of every command: run it through the workflow engine (load, fold, decide,
 * append with the loaded version, retry on conflict unless the client gave If-Match). A concrete
 * handler overrides execute() only when its command needs more than that.
 */
@Injectable()
export abstract class TrajectoryCommandHandler<C extends TrajectoryCommand> implements ICommandHandler<TrajectoryCommand> {
  constructor(@Inject(TRAJECTORY_RUNNER) protected readonly runner: TrajectoryRunner) {}

  async execute(command: C): Promise<CommandResultView> {
    const { actor, occurredAt, correlationId, expectedVersion } = command.meta;
    const result = await this.runner.run(
      trajectoryStreamId(command.trajectoryId),
      { type: commandNameOf(command), payload: command.payload },
      { actor: { id: actor.id, role: actor.role }, occurredAt, correlationId, expectedVersion },
    );
    return commandResultView(command.trajectoryId, result);
  }
}
