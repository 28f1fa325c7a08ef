import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { POINT_MODES, type PointMode, type RecordPointPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalSummaryDto } from '../dto/personal-text.dto';
import { CODE_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Record a point. A monthly point, home visit, office meeting, phone call or collective session on an active brique, with a short summary. */
export class RecordPointDto extends CommandBaseDto implements RecordPointPayload {
  @ApiProperty({ example: '2.1', description: 'A brique code from the catalogue.' })
  @Matches(CODE_PATTERN, { message: 'must be a brique code' })
  briqueCode!: string;

  @ApiProperty({ enum: POINT_MODES, example: 'home-visit' })
  @IsIn(POINT_MODES)
  mode!: PointMode;

  @ApiPropertyOptional({ type: PersonalSummaryDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalSummaryDto)
  personal?: PersonalSummaryDto;
}

export class RecordPointCommand extends TrajectoryCommand<RecordPointPayload> {
  static readonly commandName = 'record-point';
  static readonly summary = 'Record a point';
  static readonly description = 'A monthly point, home visit, office meeting, phone call or collective session on an active brique, with a short summary.';
}
