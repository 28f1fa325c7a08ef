import { s, type Infer } from '../../../engine/src';
import { veilleEndedEvent } from '../events/veille-ended.event';
import { END_REASONS } from '../vocabulary/trajectory-terms';
import { DEFAULT_END_REASON_DESCRIPTION, defaultEndReason } from './support/default-end-reason';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const endVeille = defineCommand({
  name: 'end-veille',
  summary: { en: 'End the veille', fr: 'Terminer la veille' },
  description: {
    en: 'Closes the trajectory (default end reason: the final evaluation’s, as for close).',
    fr: 'Clôt le parcours (motif de fin par défaut : celui de l’évaluation finale, comme pour la clôture).',
  },
  payload: s.object({
    endReason: s.optional(s.oneOf(END_REASONS, { label: { fr: 'Motif de fin', en: 'End reason' }, description: DEFAULT_END_REASON_DESCRIPTION.en, example: 'autonomous' })),
    orientation: s.optional(orientation({ description: 'Required unless the end reason is autonomous, housed, maintained or deceased.' })),
    personal: personalText.comment(),
  }),
  example: { endReason: 'autonomous' },
  produces: [veilleEndedEvent],
  decide: (p, { context }) => [event(veilleEndedEvent, compact({ endReason: p.endReason ?? defaultEndReason(context), orientation: p.orientation, personal: p.personal }))],
});

export type EndVeillePayload = Infer<typeof endVeille.payload>;
