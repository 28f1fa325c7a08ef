import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { type ClosePayload, END_REASONS, type EndReason } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Close after the evaluation. Closes the trajectory; every closing that is not autonomous or housed carries an orientation. */
export class CloseDto extends CommandBaseDto implements ClosePayload {
  @ApiPropertyOptional({ enum: END_REASONS, example: 'housed', description: 'Default: the final evaluation’s end reason.' })
  @IsOptional()
  @IsIn(END_REASONS)
  endReason?: EndReason;

  @ApiPropertyOptional({ type: OrientationDto, description: 'Required unless the end reason is autonomous, housed, maintained or deceased.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrientationDto)
  orientation?: OrientationDto;

  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class CloseCommand extends TrajectoryCommand<ClosePayload> {
  static readonly commandName = 'close';
  static readonly summary = 'Close after the evaluation';
  static readonly description = 'Closes the trajectory; every closing that is not autonomous or housed carries an orientation.';
}
