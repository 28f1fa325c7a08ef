import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { type RecordEvaluationGridPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { GRID_EXAMPLE, GridItemRatingDto, GridPersonalDto } from '../dto/evaluation-grid.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record the evaluation grid. The shared five-axis grid, recorded during the diagnostic; comments are personal. */
export class RecordEvaluationGridDto extends CommandBaseDto implements RecordEvaluationGridPayload {
  @ApiProperty({ type: [GridItemRatingDto], example: GRID_EXAMPLE, description: 'At least one rating on each of the five axes.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GridItemRatingDto)
  ratings!: GridItemRatingDto[];

  @ApiPropertyOptional({ type: GridPersonalDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GridPersonalDto)
  personal?: GridPersonalDto;
}

export class RecordEvaluationGridCommand extends TrajectoryCommand<RecordEvaluationGridPayload> {
  static readonly commandName = 'record-evaluation-grid';
  static readonly summary = 'Record the evaluation grid';
  static readonly description = 'The shared five-axis grid, recorded during the diagnostic; comments are personal.';
}
