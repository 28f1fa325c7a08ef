import { type WithdrawPayload } from '../../../../../workflows/trajectory/src';
import { OrientedClosingDto } from '../dto/closing.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Withdraw (the household ends it). At any open stage; an orientation is recorded. */
export class WithdrawDto extends OrientedClosingDto implements WithdrawPayload {}

export class WithdrawCommand extends TrajectoryCommand<WithdrawPayload> {
  static readonly commandName = 'withdraw';
  static readonly summary = 'Withdraw (the household ends it)';
  static readonly description = 'At any open stage; an orientation is recorded.';
}
