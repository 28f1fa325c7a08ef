import { CommandHandler } from '@nestjs/cqrs';
import { ChangeReferentCommand } from './change-referent.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(ChangeReferentCommand)
export class ChangeReferentHandler extends TrajectoryCommandHandler<ChangeReferentCommand> {}
