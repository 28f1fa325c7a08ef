import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { type SuspendPayload, SUSPENSION_REASONS, type SuspensionReason } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Suspend the measure. Hospital, prison, unreachable: no point or bilan is due and no month is billed while suspended. */
export class SuspendDto extends CommandBaseDto implements SuspendPayload {
  @ApiProperty({ enum: SUSPENSION_REASONS, example: 'hospital' })
  @IsIn(SUSPENSION_REASONS)
  reason!: SuspensionReason;

  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class SuspendCommand extends TrajectoryCommand<SuspendPayload> {
  static readonly commandName = 'suspend';
  static readonly summary = 'Suspend the measure';
  static readonly description = 'Hospital, prison, unreachable: no point or bilan is due and no month is billed while suspended.';
}
