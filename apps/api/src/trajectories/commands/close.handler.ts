import { CommandHandler } from '@nestjs/cqrs';
import { CloseCommand } from './close.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(CloseCommand)
export class CloseHandler extends TrajectoryCommandHandler<CloseCommand> {}
