import { s, type Infer } from '../../../engine/src';
import { trajectoryClosedEvent } from '../events/trajectory-closed.event';
import { END_REASONS } from '../vocabulary/trajectory-terms';
import { DEFAULT_END_REASON_DESCRIPTION, defaultEndReason } from './support/default-end-reason';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const close = defineCommand({
  name: 'close',
  summary: { en: 'Close after the evaluation', fr: 'Clôturer après l’évaluation' },
  description: {
    en: 'Closes the trajectory; every closing that is not autonomous or housed carries an orientation.',
    fr: 'Clôt le parcours ; toute clôture qui n’est ni une autonomie ni un relogement porte une orientation.',
  },
  payload: s.object({
    endReason: s.optional(s.oneOf(END_REASONS, { label: { fr: 'Motif de fin', en: 'End reason' }, description: DEFAULT_END_REASON_DESCRIPTION.en, example: 'housed' })),
    orientation: s.optional(orientation({ description: 'Required unless the end reason is autonomous, housed, maintained or deceased.' })),
    personal: personalText.comment(),
  }),
  example: { endReason: 'housed' },
  produces: [trajectoryClosedEvent],
  decide: (p, { context }) =>
    [event(trajectoryClosedEvent, compact({ endReason: p.endReason ?? defaultEndReason(context), orientation: p.orientation, personal: p.personal }))],
});

export type ClosePayload = Infer<typeof close.payload>;
