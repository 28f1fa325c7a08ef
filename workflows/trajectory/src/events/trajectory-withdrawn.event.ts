import type { Stage } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';

export const TRAJECTORY_WITHDRAWN = 'TrajectoryWithdrawn';

/** The household ended the accompaniment; an orientation is recorded. */
export interface TrajectoryWithdrawnData {
  fromStage: Stage;
  orientation: Orientation;
  personal?: { comment?: string };
}
