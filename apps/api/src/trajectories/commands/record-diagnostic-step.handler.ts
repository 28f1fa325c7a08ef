import { CommandHandler } from '@nestjs/cqrs';
import { RecordDiagnosticStepCommand } from './record-diagnostic-step.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordDiagnosticStepCommand)
export class RecordDiagnosticStepHandler extends TrajectoryCommandHandler<RecordDiagnosticStepCommand> {}
