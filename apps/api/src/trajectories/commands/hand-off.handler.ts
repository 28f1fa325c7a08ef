import { CommandHandler } from '@nestjs/cqrs';
import { HandOffCommand } from './hand-off.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(HandOffCommand)
export class HandOffHandler extends TrajectoryCommandHandler<HandOffCommand> {}
