/**
 * The facts read models fold from `$all` are the workflow's own (workflows/trajectory/src/obligations):
 * one fold, one stage definition, shared with the trajectory view. This module only re-exports them
 * for the projections.
 */
export {
  evolveTrajectoryFacts,
  trajectoryFactsOf,
  TRAJECTORY_STAGES,
  type ActiveBriqueFacts,
  type TrajectoryFacts,
  type TrajectoryStage,
} from '../../workflows/trajectory/src';
