import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { type HandOffPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalHandOffDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Hand off to a partner (relais). The trajectory stays in relais until the partner confirms. */
export class HandOffDto extends CommandBaseDto implements HandOffPayload {
  @ApiProperty({ type: OrientationDto, description: 'The partner taking the household on.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrientationDto)
  partner!: OrientationDto;

  @ApiPropertyOptional({ type: PersonalHandOffDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalHandOffDto)
  personal?: PersonalHandOffDto;
}

export class HandOffCommand extends TrajectoryCommand<HandOffPayload> {
  static readonly commandName = 'hand-off';
  static readonly summary = 'Hand off to a partner (relais)';
  static readonly description = 'The trajectory stays in relais until the partner confirms.';
}
