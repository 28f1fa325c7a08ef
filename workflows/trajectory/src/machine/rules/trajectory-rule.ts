import type { MachineEvent, Rule, RuleBook } from '../../../../engine/src';
import type { TrajectoryEventDataMap, TrajectoryEventType } from '../../events';
import type { TrajectoryContext } from '../../trajectory-context';
import { END_REASONS_WITHOUT_ORIENTATION, type EndReason } from '../../vocabulary/trajectory-terms';

export type TrajectoryRule = Rule<TrajectoryContext, MachineEvent>;
/** Some of the machine's guards; the full book, keyed by every guard name, is trajectory-rules.v1's. */
export type TrajectoryRules = RuleBook<TrajectoryContext, MachineEvent>;

/** The event's data, typed by the event type the transition is declared for. */
export function dataOf<K extends TrajectoryEventType>(event: MachineEvent, _type: K): TrajectoryEventDataMap[K] {
  return event.data as TrajectoryEventDataMap[K];
}

/** Rules that only choose a transition, e.g. by the diagnostic's outcome. */
export function route(code: string, requirement: string, holds: TrajectoryRule['holds']): TrajectoryRule {
  return { code, reason: requirement, holds, route: true };
}

export const referentRequired: TrajectoryRule = {
  code: 'referent-required',
  reason: 'No referent is assigned yet: assign the social worker who follows the household first.',
  holds: (c) => c.referentId !== undefined,
  reads: 'context',
};

export const orientationRequired: TrajectoryRule = {
  code: 'orientation-required',
  reason: 'Say where the household is oriented: nobody is left without a solution.',
  holds: (_c, e) => (e.data as { orientation?: unknown }).orientation !== undefined,
};

/** Closings that are neither autonomous nor housed carry an orientation (domain.md §8). */
export const orientationForEndReason: TrajectoryRule = {
  code: 'orientation-required',
  reason: (_c, e) => {
    const endReason = (e.data as { endReason?: EndReason }).endReason;
    return `A closing for "${endReason}" needs an orientation: say where the household is sent (only autonomous, housed, maintained or deceased closings need none).`;
  },
  requirement: `A closing names an end reason, and an orientation unless the household is ${END_REASONS_WITHOUT_ORIENTATION.join(', ')}.`,
  holds: (_c, e) => {
    const d = e.data as { endReason?: EndReason; orientation?: unknown };
    return (d.endReason !== undefined && END_REASONS_WITHOUT_ORIENTATION.includes(d.endReason)) || d.orientation !== undefined;
  },
};

/** Rules of a suspended measure, each with its command's own words. */
export function notSuspended(then: string): TrajectoryRule {
  return {
    code: 'measure-suspended',
    reason: (c) => `The measure is suspended since ${c.suspendedSince}: ${then}.`,
    requirement: `The measure is not suspended (${then}).`,
    holds: (c) => c.suspendedSince === undefined,
    reads: 'context',
  };
}

/** What runs within the measure is dated at or before its end (renewing it moves the end). */
export function withinMeasure(what: string, instead: string): TrajectoryRule {
  return {
    code: 'measure-ended',
    reason: (c) => `The measure ended on ${c.measure?.endsOn}: ${what} is dated at or before the measure's end (${instead}).`,
    requirement: `${what[0].toUpperCase()}${what.slice(1)} is dated at or before the measure's end.`,
    holds: (c, e) => c.measure !== undefined && e.occurredAt <= c.measure.endsOn,
    reads: 'date',
  };
}
