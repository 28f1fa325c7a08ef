import { CommandHandler } from '@nestjs/cqrs';
import { RenewCommand } from './renew.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(RenewCommand)
export class RenewHandler extends TrajectoryCommandHandler<RenewCommand> {}
