import type { Provider } from '@nestjs/common';
import type { CalendarDate, Clock, IdGenerator } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { CommandRunner, ConflictBackoff, SnapshotCache } from '../../../../workflows/engine/src';
import { createTrajectoryRegistry, createTrajectoryRunner, type TrajectoryContext } from '../../../../workflows/trajectory/src';
import { assertCommandScope } from '../auth/command-scope';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import type { Catalogue } from './catalogue';
import { SERVER_CONFLICT_RETRY, serverConflictBackoff } from './conflict-retry.policy';
import type { ConventionDirectory } from '../../../../workflows/trajectory/src/convention-directory';
import { CATALOGUE, CONVENTION_DIRECTORY, ID_GENERATOR, RUNNER_SETTINGS, SNAPSHOT_CACHE, TRAJECTORY_REGISTRY, TRAJECTORY_RUNNER } from './trajectory.tokens';

export type TrajectoryRunner = CommandRunner<TrajectoryContext>;

export interface RunnerSettings {
  /** OCCURRED_AT_MIN; default the engine's. */
  earliestOccurredAt?: CalendarDate;
  /** Default: SERVER_CONFLICT_RETRY with Math.random as the jitter. */
  backoff?: ConflictBackoff;
}

export const trajectoryRunnerProvider: Provider = {
  provide: TRAJECTORY_RUNNER,
  inject: [EVENT_STORE, CATALOGUE, CLOCK, ID_GENERATOR, SNAPSHOT_CACHE, RUNNER_SETTINGS, CONVENTION_DIRECTORY],
  useFactory: (store: EventStore, catalogue: Catalogue, clock: Clock, ids: IdGenerator, snapshots: SnapshotCache, settings: RunnerSettings, conventions: ConventionDirectory): TrajectoryRunner =>
    createTrajectoryRunner({
      store,
      programmes: catalogue.programmes,
      briques: catalogue.briques,
      conventions,
      clock,
      ids,
      snapshots,
      maxAttempts: SERVER_CONFLICT_RETRY.maxAttempts,
      backoff: settings.backoff ?? serverConflictBackoff(),
      earliestOccurredAt: settings.earliestOccurredAt,
      authorize: (command, snapshot, meta) => assertCommandScope(command.type, snapshot.context, meta.actor),
    }),
};

export const trajectoryRegistryProvider: Provider = {
  provide: TRAJECTORY_REGISTRY,
  inject: [CATALOGUE],
  useFactory: (catalogue: Catalogue) => createTrajectoryRegistry({ programmes: catalogue.programmes, briques: catalogue.briques }),
};
