import { type ReorientPayload } from '../../../../../workflows/trajectory/src';
import { OrientedClosingDto } from '../dto/closing.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Reorient (out of scope). Another service fits better: closes the trajectory, saying where the household was sent. */
export class ReorientDto extends OrientedClosingDto implements ReorientPayload {}

export class ReorientCommand extends TrajectoryCommand<ReorientPayload> {
  static readonly commandName = 'reorient';
  static readonly summary = 'Reorient (out of scope)';
  static readonly description = 'Another service fits better: closes the trajectory, saying where the household was sent.';
}
