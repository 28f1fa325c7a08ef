import { CommandHandler } from '@nestjs/cqrs';
import { ReceiveSaisineCommand } from './receive-saisine.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

/**
 * Opens a trajectory. The id comes from the controller (so it can answer with Location); the engine
 * appends with expectedVersion 'no-stream', so a repeated id can never overwrite a trajectory.
 */
@CommandHandler(ReceiveSaisineCommand)
export class ReceiveSaisineHandler extends TrajectoryCommandHandler<ReceiveSaisineCommand> {}
