import type { CalendarDate } from '../../libs/domain/src';
import { trajectoryDeadlines, type DeadlineKind, type TrajectoryFacts } from '../../workflows/trajectory/src';

/** The workflow's one definition of deadlines and their statuses (workflows/trajectory/src/deadlines.ts). */
export { DEADLINE_KINDS, DEADLINE_STATUSES, DUE_SOON_DAYS, RELAIS_CONFIRMATION_DAYS, VEILLE_VISIT_MONTHS, deadlineStatus, type DeadlineKind, type DeadlineStatus } from '../../workflows/trajectory/src';

/** A deadline as the table stores it: briqueCode and code '' when none (part of the row's key). */
export interface DueDeadline {
  kind: DeadlineKind;
  dueOn: CalendarDate;
  ownerId: string | null;
  briqueCode: string;
  /** The programme cadence's or milestone's code. */
  code: string;
}

/** Every deadline a trajectory has now, as rows: trajectoryDeadlines(), nothing re-derived. */
export function deadlinesOf(f: TrajectoryFacts): DueDeadline[] {
  return trajectoryDeadlines(f).map((d) => ({ kind: d.kind, dueOn: d.dueOn, ownerId: d.ownerId, briqueCode: d.briqueCode ?? '', code: d.code ?? '' }));
}
