import { CommandHandler } from '@nestjs/cqrs';
import { SignContractCommand } from './sign-contract.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(SignContractCommand)
export class SignContractHandler extends TrajectoryCommandHandler<SignContractCommand> {}
