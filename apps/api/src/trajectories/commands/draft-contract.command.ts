import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { type DraftContractPayload, MEETING_FREQUENCIES, type MeetingFrequency, OCCUPANCY_STATUSES, type OccupancyStatus } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { ContractPersonalDto, LandlordDto, ObjectiveRefDto } from '../dto/contract.dto';
import { CODE_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Draft the contract. The personalised contract: measure type, planned briques, duration, bilan cadence, meetings, occupancy, landlord, convention. */
export class DraftContractDto extends CommandBaseDto implements DraftContractPayload {
  @ApiProperty({ example: 'AVDL', description: 'AVDL, GLA or a custom measure type.' })
  @Matches(CODE_PATTERN, { message: 'must be a measure type code' })
  measureType!: string;

  @ApiProperty({ example: ['2.1', '2.5'], description: 'Brique codes planned.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(CODE_PATTERN, { each: true, message: 'each brique must be a brique code' })
  briques!: string[];

  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: 60, description: 'Default: the programme’s duration.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths?: number;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 24, description: 'Default: the programme’s bilan cadence.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  bilanEveryMonths?: number;

  @ApiProperty({ enum: MEETING_FREQUENCIES, example: 'monthly' })
  @IsIn(MEETING_FREQUENCIES)
  meetingFrequency!: MeetingFrequency;

  @ApiProperty({ enum: OCCUPANCY_STATUSES, example: 'direct-lease' })
  @IsIn(OCCUPANCY_STATUSES)
  occupancyStatus!: OccupancyStatus;

  @ApiPropertyOptional({ type: LandlordDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LandlordDto)
  landlord?: LandlordDto;

  @ApiPropertyOptional({ example: 'conv-fsl-2026', description: 'Default: the saisine’s convention.' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'must be a convention id' })
  conventionId?: string;

  @ApiPropertyOptional({ type: [ObjectiveRefDto], example: [{ id: 'obj-1' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveRefDto)
  objectives?: ObjectiveRefDto[];

  @ApiPropertyOptional({ type: ContractPersonalDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractPersonalDto)
  personal?: ContractPersonalDto;
}

export class DraftContractCommand extends TrajectoryCommand<DraftContractPayload> {
  static readonly commandName = 'draft-contract';
  static readonly summary = 'Draft the contract';
  static readonly description = 'The personalised contract: measure type, planned briques, duration, bilan cadence, meetings, occupancy, landlord, convention.';
}
