import { CommandHandler } from '@nestjs/cqrs';
import { ConfirmRelaisCommand } from './confirm-relais.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(ConfirmRelaisCommand)
export class ConfirmRelaisHandler extends TrajectoryCommandHandler<ConfirmRelaisCommand> {}
