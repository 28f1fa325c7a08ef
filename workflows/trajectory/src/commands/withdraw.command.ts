import type { Orientation } from '../vocabulary/orientation';
import type { Stage } from '../vocabulary/trajectory-terms';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface WithdrawPayload {
  orientation: Orientation;
  personal?: { comment?: string };
}

export const withdraw: TrajectoryCommandSpec<'withdraw'> = {
  produces: ['TrajectoryWithdrawn'],
  read: (c) => compact({ orientation: c.obj('orientation', readOrientation, { optional: true })!, personal: c.personal() }),
  decide: (p, { stage }) => [event('TrajectoryWithdrawn', compact({ fromStage: stage as Stage, orientation: p.orientation, personal: p.personal }))],
};
