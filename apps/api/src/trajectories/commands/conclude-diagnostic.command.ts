import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { type ConcludeDiagnosticPayload, DIAGNOSTIC_OUTCOMES, type DiagnosticOutcome } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalSummaryDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Conclude the diagnostic. Needs the grid and the household’s signature. autonomous closes, orient-existing goes to relais (partner required), propose-accompaniment goes to contract. */
export class ConcludeDiagnosticDto extends CommandBaseDto implements ConcludeDiagnosticPayload {
  @ApiProperty({ enum: DIAGNOSTIC_OUTCOMES, example: 'propose-accompaniment' })
  @IsIn(DIAGNOSTIC_OUTCOMES)
  outcome!: DiagnosticOutcome;

  @ApiProperty({ example: true, description: 'The household signed the diagnostic.' })
  @IsBoolean()
  householdSigned!: boolean;

  @ApiPropertyOptional({ type: OrientationDto, description: 'Required for orient-existing: the partner taking over.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrientationDto)
  relaisPartner?: OrientationDto;

  @ApiPropertyOptional({ type: PersonalSummaryDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalSummaryDto)
  personal?: PersonalSummaryDto;
}

export class ConcludeDiagnosticCommand extends TrajectoryCommand<ConcludeDiagnosticPayload> {
  static readonly commandName = 'conclude-diagnostic';
  static readonly summary = 'Conclude the diagnostic';
  static readonly description = 'Needs the grid and the household’s signature. autonomous closes, orient-existing goes to relais (partner required), propose-accompaniment goes to contract.';
}
