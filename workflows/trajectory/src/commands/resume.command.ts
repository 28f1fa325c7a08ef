import { daysBetween } from '../../../../libs/domain/src';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ResumePayload {
  personal?: { comment?: string };
}

export const resume: TrajectoryCommandSpec<'resume'> = {
  produces: ['MeasureResumed'],
  read: (c) => compact({ personal: c.personal() }),
  decide: (p, { context, occurredAt }) => {
    // Not suspended: the event still goes to the machine, whose guard gives the reason.
    const since = context.suspendedSince ?? occurredAt;
    return [event('MeasureResumed', compact({ suspendedSince: since, days: Math.max(0, daysBetween(since, occurredAt)), personal: p.personal }))];
  },
};
