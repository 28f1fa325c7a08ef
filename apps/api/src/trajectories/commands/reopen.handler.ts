import { CommandHandler } from '@nestjs/cqrs';
import { ReopenCommand } from './reopen.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(ReopenCommand)
export class ReopenHandler extends TrajectoryCommandHandler<ReopenCommand> {}
