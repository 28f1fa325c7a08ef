import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { END_REASONS, type EndReason, type RecordFinalEvaluationPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { ObjectiveResultDto } from '../dto/contract.dto';
import { FinalEvaluationPersonalDto, GRID_EXAMPLE, GridItemRatingDto } from '../dto/evaluation-grid.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record the final evaluation. Autonomy on each axis, each objective met or not, the end reason; signed with the household. */
export class RecordFinalEvaluationDto extends CommandBaseDto implements RecordFinalEvaluationPayload {
  @ApiProperty({ type: [GridItemRatingDto], example: GRID_EXAMPLE, description: 'At least one rating on each of the five axes.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GridItemRatingDto)
  ratings!: GridItemRatingDto[];

  @ApiProperty({ type: [ObjectiveResultDto], example: [{ id: 'obj-1', met: true }] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveResultDto)
  objectives!: ObjectiveResultDto[];

  @ApiProperty({ enum: END_REASONS, example: 'housed' })
  @IsIn(END_REASONS)
  endReason!: EndReason;

  @ApiProperty({ example: true, description: 'The household signed the evaluation.' })
  @IsBoolean()
  householdSigned!: boolean;

  @ApiPropertyOptional({ type: FinalEvaluationPersonalDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FinalEvaluationPersonalDto)
  personal?: FinalEvaluationPersonalDto;
}

export class RecordFinalEvaluationCommand extends TrajectoryCommand<RecordFinalEvaluationPayload> {
  static readonly commandName = 'record-final-evaluation';
  static readonly summary = 'Record the final evaluation';
  static readonly description = 'Autonomy on each axis, each objective met or not, the end reason; signed with the household.';
}
