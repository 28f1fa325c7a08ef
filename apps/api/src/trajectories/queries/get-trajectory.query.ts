import { Query } from '@nestjs/cqrs';
import type { TrajectoryView } from '../views/trajectory.views';

export class GetTrajectoryQuery extends Query<TrajectoryView> {
  constructor(readonly trajectoryId: string) {
    super();
  }
}
