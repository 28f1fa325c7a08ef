import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Clock, parisDate, trajectoryStreamId } from '../../../../../libs/domain/src';
import { commandOffersOf } from '../../../../../workflows/engine/src';
import { CLOCK } from '../../store/store.tokens';
import type { Catalogue } from '../catalogue';
import type { TrajectoryRunner } from '../trajectory-runner.provider';
import { CATALOGUE, TRAJECTORY_RUNNER } from '../trajectory.tokens';
import { trajectoryView, type TrajectoryView } from '../views/trajectory.views';
import { GetTrajectoryQuery } from './get-trajectory.query';

@QueryHandler(GetTrajectoryQuery)
export class GetTrajectoryHandler implements IQueryHandler<GetTrajectoryQuery> {
  constructor(
    @Inject(TRAJECTORY_RUNNER) private readonly runner: TrajectoryRunner,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetTrajectoryQuery): Promise<TrajectoryView> {
    const { definition, snapshot } = await this.runner.load(trajectoryStreamId(query.trajectoryId));
    const today = parisDate(this.clock.now());
    return trajectoryView(query.trajectoryId, snapshot, commandOffersOf(definition, snapshot, today), this.catalogue, today);
  }
}
