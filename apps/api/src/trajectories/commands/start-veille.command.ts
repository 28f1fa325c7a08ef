import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type StartVeillePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Start the veille. A watch with a visit due every 12 months. */
export class StartVeilleDto extends CommandBaseDto implements StartVeillePayload {
  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class StartVeilleCommand extends TrajectoryCommand<StartVeillePayload> {
  static readonly commandName = 'start-veille';
  static readonly summary = 'Start the veille';
  static readonly description = 'A watch with a visit due every 12 months.';
}
