import type { CalendarDate, Clock, IdGenerator } from '../../../libs/domain/src';
import { CommandRunner, WorkflowRegistry, type ConflictBackoff, type SnapshotCache, type WorkflowDefinition, type WorkflowSnapshot, type WorkflowStore } from '../../engine/src';
import { trajectoryCommandHandlers } from './commands/trajectory-commands';
import { createTrajectoryMachine } from './machine/trajectory.machine';
import { stageOf } from './machine/trajectory-stage';
import { trajectoryRulesV1 } from './machine/trajectory-rules.v1';
import { trajectoryRulesV2 } from './machine/trajectory-rules.v2';
import type { TrajectoryRuleBook } from './machine/trajectory-rules.v1';
import type { TrajectoryContext } from './trajectory-context';
import type { TrajectoryDeps } from './trajectory-deps';
import { trajectoryUpcasters } from './trajectory.upcasters';

export type { TrajectoryDeps } from './trajectory-deps';

export const TRAJECTORY_WORKFLOW = 'trajectory';

export type TrajectorySnapshot = WorkflowSnapshot<TrajectoryContext>;
export type TrajectoryDefinition = WorkflowDefinition<TrajectoryContext>;

/** One version: the shared stage layout, a rule book, the commands bound to the installation's catalogue. */
export function createTrajectoryWorkflow(version: number, rules: TrajectoryRuleBook, deps: TrajectoryDeps): TrajectoryDefinition {
  return {
    name: TRAJECTORY_WORKFLOW,
    version,
    machine: createTrajectoryMachine(version, rules),
    commands: trajectoryCommandHandlers(deps),
    rules,
    creationCommands: ['receive-saisine'],
    upcasters: trajectoryUpcasters(),
    stageOf: (value) => stageOf(value),
    openedOn: (context) => context.openedOn,
    closedCode: 'trajectory-closed',
    // Every event names its household, so the store encrypts its personal data under that household's key.
    eventMetadata: (context): Record<string, string> => (context.householdId ? { householdId: context.householdId } : {}),
  };
}

/** v1: the rules of domain.md §2. */
export function createTrajectoryWorkflowV1(deps: TrajectoryDeps): TrajectoryDefinition {
  return createTrajectoryWorkflow(1, trajectoryRulesV1, deps);
}

/** v2: v1 except that conclude-diagnostic no longer needs the household's signature. */
export function createTrajectoryWorkflowV2(deps: TrajectoryDeps): TrajectoryDefinition {
  return createTrajectoryWorkflow(2, trajectoryRulesV2, deps);
}

/**
 * The versions in service. v1 is the default for new trajectories; pass `latest: 2` (or
 * RunOptions.workflowVersion) to open trajectories on v2. Streams replay on the version they
 * recorded, whatever the default.
 */
export function createTrajectoryRegistry(deps: TrajectoryDeps, options: { versions?: readonly number[] } = {}): WorkflowRegistry<TrajectoryContext> {
  const factories: Record<number, (d: TrajectoryDeps) => TrajectoryDefinition> = { 1: createTrajectoryWorkflowV1, 2: createTrajectoryWorkflowV2 };
  const versions = options.versions ?? [1];
  return new WorkflowRegistry<TrajectoryContext>(
    TRAJECTORY_WORKFLOW,
    versions.map((v) => {
      const factory = factories[v];
      if (!factory) throw new Error(`Unknown trajectory version ${v}`);
      return factory(deps);
    }),
  );
}

export interface TrajectoryRunnerDeps extends TrajectoryDeps {
  store: WorkflowStore;
  /** Versions in service (default [1]); new trajectories start on the highest. */
  versions?: readonly number[];
  clock: Clock;
  ids: IdGenerator;
  snapshots?: SnapshotCache;
  maxAttempts?: number;
  backoff?: ConflictBackoff;
  earliestOccurredAt?: CalendarDate;
}

/** The runner the HTTP layer uses: `runner.run(trajectoryStreamId(id), { type, payload }, { actor, occurredAt, expectedVersion })`. */
export function createTrajectoryRunner(deps: TrajectoryRunnerDeps): CommandRunner<TrajectoryContext> {
  return new CommandRunner<TrajectoryContext>({
    store: deps.store,
    registry: createTrajectoryRegistry(deps, { versions: deps.versions }),
    clock: deps.clock,
    ids: deps.ids,
    snapshots: deps.snapshots,
    maxAttempts: deps.maxAttempts,
    backoff: deps.backoff,
    earliestOccurredAt: deps.earliestOccurredAt,
  });
}
