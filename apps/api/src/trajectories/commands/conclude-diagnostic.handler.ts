import { CommandHandler } from '@nestjs/cqrs';
import { ConcludeDiagnosticCommand } from './conclude-diagnostic.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(ConcludeDiagnosticCommand)
export class ConcludeDiagnosticHandler extends TrajectoryCommandHandler<ConcludeDiagnosticCommand> {}
