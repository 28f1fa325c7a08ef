import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type ConfirmRelaisPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Confirm the relais. The partner has taken the household on: the trajectory closes. */
export class ConfirmRelaisDto extends CommandBaseDto implements ConfirmRelaisPayload {
  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class ConfirmRelaisCommand extends TrajectoryCommand<ConfirmRelaisPayload> {
  static readonly commandName = 'confirm-relais';
  static readonly summary = 'Confirm the relais';
  static readonly description = 'The partner has taken the household on: the trajectory closes.';
}
