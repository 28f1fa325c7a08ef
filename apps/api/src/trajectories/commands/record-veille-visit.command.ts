import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { type RecordVeilleVisitPayload, VEILLE_VISIT_MODES, type VeilleVisitMode } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalSummaryDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record a veille visit. The annual visit of the watch. */
export class RecordVeilleVisitDto extends CommandBaseDto implements RecordVeilleVisitPayload {
  @ApiProperty({ enum: VEILLE_VISIT_MODES, example: 'home-visit' })
  @IsIn(VEILLE_VISIT_MODES)
  mode!: VeilleVisitMode;

  @ApiPropertyOptional({ type: PersonalSummaryDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalSummaryDto)
  personal?: PersonalSummaryDto;
}

export class RecordVeilleVisitCommand extends TrajectoryCommand<RecordVeilleVisitPayload> {
  static readonly commandName = 'record-veille-visit';
  static readonly summary = 'Record a veille visit';
  static readonly description = 'The annual visit of the watch.';
}
