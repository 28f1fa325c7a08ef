import { CommandHandler } from '@nestjs/cqrs';
import { ReorientCommand } from './reorient.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(ReorientCommand)
export class ReorientHandler extends TrajectoryCommandHandler<ReorientCommand> {}
