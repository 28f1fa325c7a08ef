import type { Orientation } from '../vocabulary/orientation';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ReorientPayload {
  orientation: Orientation;
  personal?: { comment?: string };
}

export const reorient: TrajectoryCommandSpec<'reorient'> = {
  produces: ['SaisineReoriented'],
  read: (c) => compact({ orientation: c.obj('orientation', readOrientation, { optional: true })!, personal: c.personal() }),
  decide: (p) => [event('SaisineReoriented', compact({ orientation: p.orientation, personal: p.personal }))],
};
