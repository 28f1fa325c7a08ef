import { CommandHandler } from '@nestjs/cqrs';
import { StartVeilleCommand } from './start-veille.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(StartVeilleCommand)
export class StartVeilleHandler extends TrajectoryCommandHandler<StartVeilleCommand> {}
