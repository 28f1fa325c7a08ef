import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type DeclinePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record that the household declines. Adhesion is free: the refusal is recorded, never held against the household. At the contract stage an orientation is required. */
export class DeclineDto extends CommandBaseDto implements DeclinePayload {
  @ApiPropertyOptional({ type: OrientationDto, description: 'Required when declining at the contract stage.' })
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

export class DeclineCommand extends TrajectoryCommand<DeclinePayload> {
  static readonly commandName = 'decline';
  static readonly summary = 'Record that the household declines';
  static readonly description = 'Adhesion is free: the refusal is recorded, never held against the household. At the contract stage an orientation is required.';
}
