import { type StartEvaluationPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Start the final evaluation. At or before the measure’s end: moves to evaluation. It carries nothing but its date. */
export class StartEvaluationDto extends CommandBaseDto implements StartEvaluationPayload {}

export class StartEvaluationCommand extends TrajectoryCommand<StartEvaluationPayload> {
  static readonly commandName = 'start-evaluation';
  static readonly summary = 'Start the final evaluation';
  static readonly description = 'At or before the measure’s end: moves to evaluation.';
}
