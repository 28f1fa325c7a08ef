import { s, type Infer } from '../../../engine/src';
import { saisineReorientedEvent } from '../events/saisine-reoriented.event';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const reorient = defineCommand({
  name: 'reorient',
  summary: { en: 'Reorient (out of scope)', fr: 'Réorienter (hors champ)' },
  description: {
    en: 'Another service fits better: closes the trajectory, saying where the household was sent.',
    fr: 'Un autre service convient mieux : clôt le parcours en disant vers qui le ménage est orienté.',
  },
  payload: s.object({ orientation: orientation({ description: 'Where the household was sent.' }), personal: personalText.comment() }),
  example: { orientation: { kind: 'siao', partnerName: 'SIAO 69' } },
  produces: [saisineReorientedEvent],
  decide: (p) => [event(saisineReorientedEvent, compact({ orientation: p.orientation, personal: p.personal }))],
});

export type ReorientPayload = Infer<typeof reorient.payload>;
