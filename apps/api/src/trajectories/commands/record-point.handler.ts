import { CommandHandler } from '@nestjs/cqrs';
import { RecordPointCommand } from './record-point.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordPointCommand)
export class RecordPointHandler extends TrajectoryCommandHandler<RecordPointCommand> {}
