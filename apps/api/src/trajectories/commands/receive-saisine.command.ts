import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { type Motive, MOTIVES, type ReceiveSaisinePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { HouseholdProfileDto, PrescriberDto, SaisinePersonalDto } from '../dto/household.dto';
import { CODE_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Receive a saisine (opens the trajectory). Registers a referral: prescriber, motives, programme, categorical household profile; identifying data goes in `personal`. `occurredAt` is the date the saisine was received. */
export class ReceiveSaisineDto extends CommandBaseDto implements ReceiveSaisinePayload {
  @ApiProperty({ example: 'avdl', description: 'Code of a programme from the catalogue.' })
  @Matches(CODE_PATTERN, { message: 'must be a programme code' })
  programmeCode!: string;

  @ApiPropertyOptional({ example: 'conv-fsl-2026', description: 'The funder’s convention; default: the programme’s.' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'must be a convention id' })
  conventionId?: string;

  @ApiPropertyOptional({ example: '3f0e8b1a-7c2d-4e5f-9a6b-1c2d3e4f5a6b', description: 'Links this saisine to a household already known.' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiProperty({ type: PrescriberDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PrescriberDto)
  prescriber!: PrescriberDto;

  @ApiProperty({ enum: MOTIVES, isArray: true, example: ['unpaid-rent', 'maintenance'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MOTIVES.length)
  @ArrayUnique()
  @IsIn(MOTIVES, { each: true })
  motives!: Motive[];

  @ApiProperty({ type: HouseholdProfileDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => HouseholdProfileDto)
  household!: HouseholdProfileDto;

  @ApiPropertyOptional({ type: SaisinePersonalDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SaisinePersonalDto)
  personal?: SaisinePersonalDto;
}

export class ReceiveSaisineCommand extends TrajectoryCommand<ReceiveSaisinePayload> {
  static readonly commandName = 'receive-saisine';
  static readonly summary = 'Receive a saisine (opens the trajectory)';
  static readonly description = 'Registers a referral: prescriber, motives, programme, categorical household profile; identifying data goes in `personal`. `occurredAt` is the date the saisine was received.';
}
