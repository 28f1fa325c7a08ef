import { s, type Infer } from '../../../engine/src';
import { veilleStartedEvent } from '../events/veille-started.event';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const startVeille = defineCommand({
  name: 'start-veille',
  summary: { en: 'Start the veille', fr: 'Commencer la veille' },
  description: { en: 'A watch with a visit due every 12 months.', fr: 'Une veille avec une visite due tous les 12 mois.' },
  payload: s.object({ personal: personalText.comment() }),
  example: {},
  produces: [veilleStartedEvent],
  decide: (p) => [event(veilleStartedEvent, compact({ personal: p.personal }))],
});

export type StartVeillePayload = Infer<typeof startVeille.payload>;
