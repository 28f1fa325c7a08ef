import { Query } from '@nestjs/cqrs';
import type { EventView, IntegrityView, TrajectoryView } from '../views/trajectory.views';

export interface TrajectoryHistoryView {
  trajectoryId: string;
  /** Present with ?at=: the instant asked for. */
  at?: string;
  /** Version of the last event listed. */
  version: number;
  /** The stream's hash chain, checked on the events of this read. */
  integrity: IntegrityView;
  events: EventView[];
  /** With ?at=: the trajectory as it stood at that instant (folded from the events listed). */
  state?: TrajectoryView;
}

export class GetTrajectoryHistoryQuery extends Query<TrajectoryHistoryView> {
  constructor(
    readonly trajectoryId: string,
    /** Only events recorded at or before this instant. */
    readonly at?: Date,
  ) {
    super();
  }
}
