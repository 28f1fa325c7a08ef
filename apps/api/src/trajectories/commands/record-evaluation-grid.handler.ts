import { CommandHandler } from '@nestjs/cqrs';
import { RecordEvaluationGridCommand } from './record-evaluation-grid.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordEvaluationGridCommand)
export class RecordEvaluationGridHandler extends TrajectoryCommandHandler<RecordEvaluationGridCommand> {}
