import { defineEvent } from './event-definition';

/** A new diagnostic starts in the same trajectory (droit au recommencement). */
export interface TrajectoryReopenedData {
  /** 2 for the second cycle of the trajectory. */
  cycle: number;
  personal?: { comment?: string };
}

export const trajectoryReopenedEvent = defineEvent<TrajectoryReopenedData>()('TrajectoryReopened');
