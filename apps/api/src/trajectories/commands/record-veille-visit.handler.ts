import { CommandHandler } from '@nestjs/cqrs';
import { RecordVeilleVisitCommand } from './record-veille-visit.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordVeilleVisitCommand)
export class RecordVeilleVisitHandler extends TrajectoryCommandHandler<RecordVeilleVisitCommand> {}
