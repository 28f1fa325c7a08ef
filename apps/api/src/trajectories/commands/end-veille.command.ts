import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { END_REASONS, type EndReason, type EndVeillePayload } from '../../../../../workflows/trajectory/src';
import { ClosingDto } from '../dto/closing.dto';
import { TrajectoryCommand } from './trajectory-command';

/** End the veille. Closes the trajectory (default end reason: autonomous). */
export class EndVeilleDto extends ClosingDto implements EndVeillePayload {
  @ApiPropertyOptional({ enum: END_REASONS, example: 'autonomous', description: 'Default autonomous.' })
  @IsOptional()
  @IsIn(END_REASONS)
  endReason?: EndReason;
}

export class EndVeilleCommand extends TrajectoryCommand<EndVeillePayload> {
  static readonly commandName = 'end-veille';
  static readonly summary = 'End the veille';
  static readonly description = 'Closes the trajectory (default end reason: autonomous).';
}
