import { s, type Infer } from '../../../engine/src';
import { trajectoryReopenedEvent } from '../events/trajectory-reopened.event';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const reopen = defineCommand({
  name: 'reopen',
  summary: { en: 'Reopen from veille', fr: 'Rouvrir depuis la veille' },
  description: {
    en: '"Droit au recommencement": starts a new diagnostic in the same trajectory.',
    fr: 'Droit au recommencement : un nouveau diagnostic commence dans le même parcours.',
  },
  payload: s.object({ personal: personalText.comment() }),
  example: {},
  produces: [trajectoryReopenedEvent],
  decide: (p, { context }) => [event(trajectoryReopenedEvent, compact({ cycle: context.cycle + 1, personal: p.personal }))],
});

export type ReopenPayload = Infer<typeof reopen.payload>;
