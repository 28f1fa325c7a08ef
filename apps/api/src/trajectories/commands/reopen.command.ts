import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type ReopenPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Reopen from veille. "Droit au recommencement": starts a new diagnostic in the same trajectory. */
export class ReopenDto extends CommandBaseDto implements ReopenPayload {
  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class ReopenCommand extends TrajectoryCommand<ReopenPayload> {
  static readonly commandName = 'reopen';
  static readonly summary = 'Reopen from veille';
  static readonly description = '"Droit au recommencement": starts a new diagnostic in the same trajectory.';
}
