import type { CalendarDate } from '../../../../../libs/domain/src';
import type { TrajectoryEventDataMap } from '../../events';
import type { TrajectoryContext } from '../../trajectory-context';

/**
 * How one event changes the context: pure, from the event's data and business date only (never the
 * clock), so a replay folds to the same context as the live run.
 */
export type Reducers = {
  [K in keyof TrajectoryEventDataMap]?: (context: TrajectoryContext, data: TrajectoryEventDataMap[K], on: CalendarDate) => TrajectoryContext;
};
