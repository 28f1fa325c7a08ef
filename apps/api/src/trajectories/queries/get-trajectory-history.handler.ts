import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, parisDate, trajectoryStreamId } from '../../../../../libs/domain/src';
import { commandOffersOf, fold, type WorkflowRegistry } from '../../../../../workflows/engine/src';
import type { TrajectoryContext } from '../../../../../workflows/trajectory/src';
import type { Catalogue } from '../catalogue';
import type { TrajectoryRunner } from '../trajectory-runner.provider';
import { CATALOGUE, TRAJECTORY_REGISTRY, TRAJECTORY_RUNNER } from '../trajectory.tokens';
import { eventView, trajectoryView } from '../views/trajectory.views';
import { GetTrajectoryHistoryQuery, type TrajectoryHistoryView } from './get-trajectory-history.query';

@QueryHandler(GetTrajectoryHistoryQuery)
export class GetTrajectoryHistoryHandler implements IQueryHandler<GetTrajectoryHistoryQuery> {
  constructor(
    @Inject(TRAJECTORY_RUNNER) private readonly runner: TrajectoryRunner,
    @Inject(TRAJECTORY_REGISTRY) private readonly registry: WorkflowRegistry<TrajectoryContext>,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  async execute(query: GetTrajectoryHistoryQuery): Promise<TrajectoryHistoryView> {
    const all = await this.runner.history(trajectoryStreamId(query.trajectoryId));
    if (!query.at) {
      return { trajectoryId: query.trajectoryId, version: all[all.length - 1].version, events: all.map(eventView) };
    }
    // recordedAt, not occurredAt: "as it stood then" is what the system knew then, including
    // facts recorded late about earlier dates. Versions are gap-free, so a prefix folds cleanly.
    const limit = query.at.getTime();
    const events = all.filter((e) => Date.parse(e.metadata.recordedAt) <= limit);
    if (events.length === 0) {
      throw new NotFoundError('trajectory-not-found', `Trajectory ${query.trajectoryId} did not exist yet at ${query.at.toISOString()}.`);
    }
    const definition = this.registry.forStream(events);
    const snapshot = fold(definition, events);
    const then = parisDate(query.at);
    const state = trajectoryView(query.trajectoryId, snapshot, commandOffersOf(definition, snapshot, then), this.catalogue, then);
    return {
      trajectoryId: query.trajectoryId,
      at: query.at.toISOString(),
      version: snapshot.version,
      events: events.map(eventView),
      state,
    };
  }
}
