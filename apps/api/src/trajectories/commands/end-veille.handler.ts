import { CommandHandler } from '@nestjs/cqrs';
import { EndVeilleCommand } from './end-veille.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(EndVeilleCommand)
export class EndVeilleHandler extends TrajectoryCommandHandler<EndVeilleCommand> {}
