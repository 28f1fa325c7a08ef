import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { type ReorientPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Reorient (out of scope). Another service fits better: closes the trajectory, saying where the household was sent. */
export class ReorientDto extends CommandBaseDto implements ReorientPayload {
  @ApiProperty({ type: OrientationDto, description: 'Where the household was sent.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrientationDto)
  orientation!: OrientationDto;

  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class ReorientCommand extends TrajectoryCommand<ReorientPayload> {
  static readonly commandName = 'reorient';
  static readonly summary = 'Reorient (out of scope)';
  static readonly description = 'Another service fits better: closes the trajectory, saying where the household was sent.';
}
