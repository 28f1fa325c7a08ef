import type { Provider } from '@nestjs/common';
import type { Clock, IdGenerator } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { CommandRunner, SnapshotCache } from '../../../../workflows/engine/src';
import { createTrajectoryRegistry, createTrajectoryRunner, type TrajectoryContext } from '../../../../workflows/trajectory/src';
import { assertCommandScope } from '../auth/command-scope';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import type { Catalogue } from './catalogue';
import { CATALOGUE, ID_GENERATOR, SNAPSHOT_CACHE, TRAJECTORY_REGISTRY, TRAJECTORY_RUNNER } from './trajectory.tokens';

export type TrajectoryRunner = CommandRunner<TrajectoryContext>;

export const trajectoryRunnerProvider: Provider = {
  provide: TRAJECTORY_RUNNER,
  inject: [EVENT_STORE, CATALOGUE, CLOCK, ID_GENERATOR, SNAPSHOT_CACHE],
  useFactory: (store: EventStore, catalogue: Catalogue, clock: Clock, ids: IdGenerator, snapshots: SnapshotCache): TrajectoryRunner =>
    createTrajectoryRunner({
      store,
      programmes: catalogue.programmes,
      briques: catalogue.briques,
      clock,
      ids,
      snapshots,
      authorize: (command, snapshot, meta) => assertCommandScope(command.type, snapshot.context, meta.actor),
    }),
};

export const trajectoryRegistryProvider: Provider = {
  provide: TRAJECTORY_REGISTRY,
  inject: [CATALOGUE],
  useFactory: (catalogue: Catalogue) => createTrajectoryRegistry({ programmes: catalogue.programmes, briques: catalogue.briques }),
};
