import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type ClosePayload, END_REASONS, type EndReason } from '../../../../../workflows/trajectory/src';
import { ClosingDto } from '../dto/closing.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Close after the evaluation. Closes the trajectory; every closing that is not autonomous or housed carries an orientation. */
export class CloseDto extends ClosingDto implements ClosePayload {
  @ApiPropertyOptional({ enum: END_REASONS, example: 'housed', description: 'Default: the final evaluation’s end reason.' })
  @IsOptional()
  @IsIn(END_REASONS)
  endReason?: EndReason;
}

export class CloseCommand extends TrajectoryCommand<ClosePayload> {
  static readonly commandName = 'close';
  static readonly summary = 'Close after the evaluation';
  static readonly description = 'Closes the trajectory; every closing that is not autonomous or housed carries an orientation.';
}
