import type { Orientation } from '../vocabulary/orientation';
import { END_REASONS, type EndReason } from '../vocabulary/trajectory-terms';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface EndVeillePayload {
  /** Default 'autonomous'. */
  endReason?: EndReason;
  orientation?: Orientation;
  personal?: { comment?: string };
}

export const endVeille: TrajectoryCommandSpec<'end-veille'> = {
  produces: ['VeilleEnded'],
  read: (c) =>
    compact({ endReason: c.oneOf('endReason', END_REASONS, { optional: true }), orientation: c.obj('orientation', readOrientation, { optional: true }), personal: c.personal() }),
  decide: (p) => [event('VeilleEnded', compact({ endReason: p.endReason ?? 'autonomous', orientation: p.orientation, personal: p.personal }))],
};
