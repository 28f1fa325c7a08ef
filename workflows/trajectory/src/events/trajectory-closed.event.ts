import type { EndReason } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';

export const TRAJECTORY_CLOSED = 'TrajectoryClosed';

/** The trajectory closed after its final evaluation. */
export interface TrajectoryClosedData {
  endReason: EndReason;
  orientation?: Orientation;
  personal?: { comment?: string };
}
