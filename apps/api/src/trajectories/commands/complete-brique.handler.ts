import { CommandHandler } from '@nestjs/cqrs';
import { CompleteBriqueCommand } from './complete-brique.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(CompleteBriqueCommand)
export class CompleteBriqueHandler extends TrajectoryCommandHandler<CompleteBriqueCommand> {}
