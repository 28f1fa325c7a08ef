import { CommandHandler } from '@nestjs/cqrs';
import { RecordFirstContactCommand } from './record-first-contact.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RecordFirstContactCommand)
export class RecordFirstContactHandler extends TrajectoryCommandHandler<RecordFirstContactCommand> {}
