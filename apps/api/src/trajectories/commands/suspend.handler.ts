import { CommandHandler } from '@nestjs/cqrs';
import { SuspendCommand } from './suspend.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(SuspendCommand)
export class SuspendHandler extends TrajectoryCommandHandler<SuspendCommand> {}
