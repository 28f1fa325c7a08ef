import { type DeclinePayload } from '../../../../../workflows/trajectory/src';
import { ClosingDto } from '../dto/closing.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record that the household declines. Adhesion is free: the refusal is recorded, never held against the household. At the contract stage an orientation is required. */
export class DeclineDto extends ClosingDto implements DeclinePayload {}

export class DeclineCommand extends TrajectoryCommand<DeclinePayload> {
  static readonly commandName = 'decline';
  static readonly summary = 'Record that the household declines';
  static readonly description = 'Adhesion is free: the refusal is recorded, never held against the household. At the contract stage an orientation is required.';
}
