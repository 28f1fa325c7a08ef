import { CommandHandler } from '@nestjs/cqrs';
import { DraftContractCommand } from './draft-contract.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(DraftContractCommand)
export class DraftContractHandler extends TrajectoryCommandHandler<DraftContractCommand> {}
