import { CommandHandler } from '@nestjs/cqrs';
import { AssignReferentCommand } from './assign-referent.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(AssignReferentCommand)
export class AssignReferentHandler extends TrajectoryCommandHandler<AssignReferentCommand> {}
