export const TRAJECTORY_REOPENED = 'TrajectoryReopened';

/** A new diagnostic starts in the same trajectory (droit au recommencement). */
export interface TrajectoryReopenedData {
  /** 2 for the second cycle of the trajectory. */
  cycle: number;
  personal?: { comment?: string };
}
