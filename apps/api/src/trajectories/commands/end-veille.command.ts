import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { END_REASONS, type EndReason, type EndVeillePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** End the veille. Closes the trajectory (default end reason: autonomous). */
export class EndVeilleDto extends CommandBaseDto implements EndVeillePayload {
  @ApiPropertyOptional({ enum: END_REASONS, example: 'autonomous', description: 'Default autonomous.' })
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

export class EndVeilleCommand extends TrajectoryCommand<EndVeillePayload> {
  static readonly commandName = 'end-veille';
  static readonly summary = 'End the veille';
  static readonly description = 'Closes the trajectory (default end reason: autonomous).';
}
