import { daysBetween } from '../../../../libs/domain/src';
import { s, type Infer } from '../../../engine/src';
import { measureResumedEvent } from '../events/measure-resumed.event';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const resume = defineCommand({
  name: 'resume',
  summary: { en: 'Resume the measure', fr: 'Reprendre la mesure' },
  description: { en: 'Ends a suspension.', fr: 'Met fin à une suspension.' },
  payload: s.object({ personal: personalText.comment() }),
  example: {},
  produces: [measureResumedEvent],
  decide: (p, { context, occurredAt }) => {
    // Not suspended: the event still goes to the machine, whose guard gives the reason.
    const since = context.suspendedSince ?? occurredAt;
    return [event(measureResumedEvent, compact({ suspendedSince: since, days: Math.max(0, daysBetween(since, occurredAt)), personal: p.personal }))];
  },
});

export type ResumePayload = Infer<typeof resume.payload>;
