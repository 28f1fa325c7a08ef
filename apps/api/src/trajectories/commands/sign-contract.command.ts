import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONTRACT_PARTIES, type ContractParty, type SignContractPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record a signature of the contract. One party signs (household, referent, landlord when there is one). The last required signature starts the measure on its date. */
export class SignContractDto extends CommandBaseDto implements SignContractPayload {
  @ApiProperty({ enum: CONTRACT_PARTIES, example: 'household' })
  @IsIn(CONTRACT_PARTIES)
  party!: ContractParty;
}

export class SignContractCommand extends TrajectoryCommand<SignContractPayload> {
  static readonly commandName = 'sign-contract';
  static readonly summary = 'Record a signature of the contract';
  static readonly description = 'One party signs (household, referent, landlord when there is one). The last required signature starts the measure on its date.';
}
