import { CommandHandler } from '@nestjs/cqrs';
import { WithdrawCommand } from './withdraw.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(WithdrawCommand)
export class WithdrawHandler extends TrajectoryCommandHandler<WithdrawCommand> {}
