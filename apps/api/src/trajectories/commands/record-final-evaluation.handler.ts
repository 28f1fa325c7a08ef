import { CommandHandler } from '@nestjs/cqrs';
import { RecordFinalEvaluationCommand } from './record-final-evaluation.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordFinalEvaluationCommand)
export class RecordFinalEvaluationHandler extends TrajectoryCommandHandler<RecordFinalEvaluationCommand> {}
