import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { type RecordBilanPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalSummaryDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record a bilan. The intermediate review; the next one is due bilanEveryMonths later. */
export class RecordBilanDto extends CommandBaseDto implements RecordBilanPayload {
  @ApiPropertyOptional({ type: PersonalSummaryDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalSummaryDto)
  personal?: PersonalSummaryDto;
}

export class RecordBilanCommand extends TrajectoryCommand<RecordBilanPayload> {
  static readonly commandName = 'record-bilan';
  static readonly summary = 'Record a bilan';
  static readonly description = 'The intermediate review; the next one is due bilanEveryMonths later.';
}
