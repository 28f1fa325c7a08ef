import type { EndReason } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The trajectory closed after its final evaluation. */
export interface TrajectoryClosedData {
  endReason: EndReason;
  orientation?: Orientation;
  personal?: { comment?: string };
}

export const trajectoryClosedEvent = defineEvent<TrajectoryClosedData>()('TrajectoryClosed');
