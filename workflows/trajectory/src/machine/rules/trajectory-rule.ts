import type { MachineEvent, Rule, RuleBook } from '../../../../engine/src';
import type { TrajectoryEventDataMap, TrajectoryEventType } from '../../events';
import type { TrajectoryContext } from '../../trajectory-context';
import { END_REASONS_WITHOUT_ORIENTATION, type EndReason } from '../../vocabulary/trajectory-terms';

export type TrajectoryRule = Rule<TrajectoryContext, MachineEvent>;
export type TrajectoryRuleBook = RuleBook<TrajectoryContext, MachineEvent>;

/** The event's data, typed by the event type the transition is declared for. */
export function dataOf<K extends TrajectoryEventType>(event: MachineEvent, _type: K): TrajectoryEventDataMap[K] {
  return event.data as TrajectoryEventDataMap[K];
}

/** Rules that only choose a transition, e.g. by the diagnostic's outcome. */
export function route(code: string, holds: TrajectoryRule['holds']): TrajectoryRule {
  return { code, reason: code, holds, route: true };
}

export const referentRequired: TrajectoryRule = {
  code: 'referent-required',
  reason: 'No referent is assigned yet: assign the social worker who follows the household first.',
  holds: (c) => c.referentId !== undefined,
  contextOnly: true,
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
  holds: (_c, e) => {
    const d = e.data as { endReason?: EndReason; orientation?: unknown };
    return (d.endReason !== undefined && END_REASONS_WITHOUT_ORIENTATION.includes(d.endReason)) || d.orientation !== undefined;
  },
};

export const notSuspended: TrajectoryRule = {
  code: 'measure-suspended',
  reason: (c) => `The measure is suspended since ${c.suspendedSince}: resume it first.`,
  holds: (c) => c.suspendedSince === undefined,
  contextOnly: true,
};
