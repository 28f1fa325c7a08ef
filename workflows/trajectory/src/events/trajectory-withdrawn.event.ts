import type { Stage } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The household ended the accompaniment; an orientation is recorded. */
export interface TrajectoryWithdrawnData {
  fromStage: Stage;
  orientation: Orientation;
  personal?: { comment?: string };
}

export const trajectoryWithdrawnEvent = defineEvent<TrajectoryWithdrawnData>()('TrajectoryWithdrawn');
