import { Query } from '@nestjs/cqrs';
import type { CalendarDate } from '../../../../../libs/domain/src';
import type { EventView, IntegrityView, TrajectoryView } from '../views/trajectory.views';

export interface TrajectoryHistoryView {
  trajectoryId: string;
  /** Present with ?at=: the instant asked for. */
  at?: string;
  /** Present with ?asOf=: the business date asked for. */
  asOf?: string;
  /**
   * Which date the events were selected by: 'recordedAt' with ?at= (what the service knew at that
   * instant), 'occurredAt' with ?asOf= (what had happened by that day, whenever it was recorded).
   */
  selectedBy?: 'recordedAt' | 'occurredAt';
  /** Version of the last event listed. */
  version: number;
  /** The stream's hash chain, checked on the events of this read. */
  integrity: IntegrityView;
  events: EventView[];
  /** With ?asOf=: events dated on or before it that the workflow refuses in stream order (left out of the state). */
  notApplied?: { version: number; type: string; reason: string }[];
  /** With ?at= or ?asOf=: the trajectory as it stood then (folded from the events listed). */
  state?: TrajectoryView;
}

export class GetTrajectoryHistoryQuery extends Query<TrajectoryHistoryView> {
  constructor(
    readonly trajectoryId: string,
    /** Only events recorded at or before this instant. */
    readonly at?: Date,
    /** Only events whose business date (occurredAt) is on or before this Paris date. */
    readonly asOf?: CalendarDate,
  ) {
    super();
  }
}
