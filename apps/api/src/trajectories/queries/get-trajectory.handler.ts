import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Clock, parisDate } from '../../../../../libs/domain/src';
import type { EventStore } from '../../../../../libs/event-store/src/event-store.port';
import type { WorkflowRegistry } from '../../../../../workflows/engine/src';
import type { TrajectoryContext } from '../../../../../workflows/trajectory/src';
import { CLOCK, EVENT_STORE } from '../../store/store.tokens';
import type { Catalogue } from '../catalogue';
import { CATALOGUE, TRAJECTORY_REGISTRY } from '../trajectory.tokens';
import { integrityView, trajectoryView, type TrajectoryView } from '../views/trajectory.views';
import { foldTrajectory, readVerifiedTrajectory } from '../verified-stream.reader';
import { GetTrajectoryQuery } from './get-trajectory.query';

/**
 * Folds the whole stream as read, not the runner's cached snapshot: the hash chain is checked on
 * the rows of that same read, so a row altered after it was cached is still reported.
 */
@QueryHandler(GetTrajectoryQuery)
export class GetTrajectoryHandler implements IQueryHandler<GetTrajectoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TRAJECTORY_REGISTRY) private readonly registry: WorkflowRegistry<TrajectoryContext>,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetTrajectoryQuery): Promise<TrajectoryView> {
    const { events, integrity } = await readVerifiedTrajectory(this.store, query.trajectoryId);
    const today = parisDate(this.clock.now());
    const { snapshot, offers, facts } = foldTrajectory(this.registry, events, today);
    return trajectoryView(query.trajectoryId, snapshot, offers, this.catalogue, today, integrityView(integrity), facts);
  }
}
