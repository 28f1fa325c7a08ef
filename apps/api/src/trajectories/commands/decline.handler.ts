import { CommandHandler } from '@nestjs/cqrs';
import { DeclineCommand } from './decline.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(DeclineCommand)
export class DeclineHandler extends TrajectoryCommandHandler<DeclineCommand> {}
