import { CommandHandler } from '@nestjs/cqrs';
import { RecordNoteCommand } from './record-note.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordNoteCommand)
export class RecordNoteHandler extends TrajectoryCommandHandler<RecordNoteCommand> {}
