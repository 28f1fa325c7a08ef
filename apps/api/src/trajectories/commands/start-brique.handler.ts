import { CommandHandler } from '@nestjs/cqrs';
import { StartBriqueCommand } from './start-brique.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(StartBriqueCommand)
export class StartBriqueHandler extends TrajectoryCommandHandler<StartBriqueCommand> {}
