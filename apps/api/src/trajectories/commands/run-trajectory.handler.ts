import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trajectoryStreamId } from '../../../../../libs/domain/src';
import type { TrajectoryRunner } from '../trajectory-runner.provider';
import { CONVENTION_DIRECTORY, TRAJECTORY_RUNNER } from '../trajectory.tokens';
import type { RefreshableConventionDirectory } from '../../projections/sql-convention-directory';
import { CONVENTION_READING_COMMANDS } from '../../../../../workflows/trajectory/src/convention-directory';
import { type CommandResultView, commandResultView } from '../views/trajectory.views';
import { RunTrajectoryCommand } from './run-trajectory.command';

/**
 * The shared path of every command: run it through the workflow engine (load, fold, decide,
 * append with the loaded version, retry on conflict unless the client gave If-Match).
 */
@CommandHandler(RunTrajectoryCommand)
export class RunTrajectoryHandler implements ICommandHandler<RunTrajectoryCommand> {
  constructor(
    @Inject(TRAJECTORY_RUNNER) private readonly runner: TrajectoryRunner,
    @Inject(CONVENTION_DIRECTORY) private readonly conventions: RefreshableConventionDirectory,
  ) {}

  async execute(command: RunTrajectoryCommand): Promise<CommandResultView> {
    if (CONVENTION_READING_COMMANDS.includes(command.name)) await this.conventions.refresh({ withCap: command.name === 'draft-contract' });
    const { actor, occurredAt, correlationId, expectedVersion } = command.meta;
    const result = await this.runner.run(
      trajectoryStreamId(command.trajectoryId),
      { type: command.name, payload: command.payload },
      { actor: { id: actor.id, role: actor.role }, occurredAt, correlationId, expectedVersion },
    );
    return commandResultView(command.trajectoryId, result);
  }
}
