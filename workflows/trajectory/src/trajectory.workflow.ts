import type { Clock, IdGenerator } from '../../../libs/domain/src';
import type { BriqueRegistry } from '../../briques/src';
import { CommandRunner, WorkflowRegistry, type SnapshotCache, type WorkflowDefinition, type WorkflowSnapshot, type WorkflowStore } from '../../engine/src';
import type { ProgrammeRegistry } from '../../programmes/src';
import type { TrajectoryContext } from './trajectory-context';

export const TRAJECTORY_WORKFLOW = 'trajectory';

/** What the trajectory's command handlers look up: they never read files or the network. */
export interface TrajectoryDeps {
  programmes: ProgrammeRegistry;
  briques: BriqueRegistry;
}

export type TrajectorySnapshot = WorkflowSnapshot<TrajectoryContext>;
export type TrajectoryDefinition = WorkflowDefinition<TrajectoryContext>;

/** v1: the rules of domain.md §2. */
export function createTrajectoryWorkflowV1(_deps: TrajectoryDeps): TrajectoryDefinition {
  throw new Error('not implemented yet');
}

/** Every registered version; new trajectories start on the latest. */
export function createTrajectoryRegistry(deps: TrajectoryDeps): WorkflowRegistry<TrajectoryContext> {
  return new WorkflowRegistry<TrajectoryContext>(TRAJECTORY_WORKFLOW, [createTrajectoryWorkflowV1(deps)]);
}

export interface TrajectoryRunnerDeps extends TrajectoryDeps {
  store: WorkflowStore;
  clock: Clock;
  ids: IdGenerator;
  snapshots?: SnapshotCache;
  maxAttempts?: number;
}

/** The runner the HTTP layer uses: `runner.run(trajectoryStreamId(id), { type, payload }, { actor, occurredAt, expectedVersion })`. */
export function createTrajectoryRunner(deps: TrajectoryRunnerDeps): CommandRunner<TrajectoryContext> {
  return new CommandRunner<TrajectoryContext>({
    store: deps.store,
    registry: createTrajectoryRegistry(deps),
    clock: deps.clock,
    ids: deps.ids,
    snapshots: deps.snapshots,
    maxAttempts: deps.maxAttempts,
  });
}
