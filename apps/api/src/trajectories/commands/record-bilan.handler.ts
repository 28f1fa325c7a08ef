import { CommandHandler } from '@nestjs/cqrs';
import { RecordBilanCommand } from './record-bilan.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordBilanCommand)
export class RecordBilanHandler extends TrajectoryCommandHandler<RecordBilanCommand> {}
