import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type RenewPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalJustificationDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Renew the measure. Extends the measure; limited by the programme and needs a bilan in the last 30 days. */
export class RenewDto extends CommandBaseDto implements RenewPayload {
  @ApiPropertyOptional({ type: PersonalJustificationDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalJustificationDto)
  personal?: PersonalJustificationDto;
}

export class RenewCommand extends TrajectoryCommand<RenewPayload> {
  static readonly commandName = 'renew';
  static readonly summary = 'Renew the measure';
  static readonly description = 'Extends the measure; limited by the programme and needs a bilan in the last 30 days.';
}
