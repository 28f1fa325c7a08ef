import { CommandHandler } from '@nestjs/cqrs';
import { StartEvaluationCommand } from './start-evaluation.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(StartEvaluationCommand)
export class StartEvaluationHandler extends TrajectoryCommandHandler<StartEvaluationCommand> {}
