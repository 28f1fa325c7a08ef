import type { Orientation } from '../vocabulary/orientation';
import { END_REASONS, type EndReason } from '../vocabulary/trajectory-terms';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ClosePayload {
  /** Default: the final evaluation's end reason. */
  endReason?: EndReason;
  /** Required unless the end reason is autonomous, housed, maintained or deceased. */
  orientation?: Orientation;
  personal?: { comment?: string };
}

export const close: TrajectoryCommandSpec<'close'> = {
  produces: ['TrajectoryClosed'],
  read: (c) =>
    compact({ endReason: c.oneOf('endReason', END_REASONS, { optional: true }), orientation: c.obj('orientation', readOrientation, { optional: true }), personal: c.personal() }),
  decide: (p, { context }) =>
    [
      event(
        'TrajectoryClosed',
        compact({ endReason: p.endReason ?? context.evaluation?.final?.endReason ?? 'other', orientation: p.orientation, personal: p.personal }),
      ),
    ],
};
