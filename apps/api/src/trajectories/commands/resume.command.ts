import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type ResumePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Resume the measure. Ends a suspension. */
export class ResumeDto extends CommandBaseDto implements ResumePayload {
  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class ResumeCommand extends TrajectoryCommand<ResumePayload> {
  static readonly commandName = 'resume';
  static readonly summary = 'Resume the measure';
  static readonly description = 'Ends a suspension.';
}
