import { s, type Infer } from '../../../engine/src';
import { measureRejectedEvent } from '../events/measure-rejected.event';
import type { Orientation } from '../vocabulary/orientation';
import { REJECTION_REASONS } from '../vocabulary/partners';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';
import { writtenDecision } from './support/written-decision';

/** The validator rejects the submitted measure, with why and the orientation it proposes. */
export const rejectMeasure = defineCommand({
  name: 'reject-measure',
  summary: { en: 'Reject the measure', fr: 'Refuser la mesure' },
  description: {
    en: 'The validator rejects the submitted measure, with a reason and the orientation it proposes (nobody is left without a solution). The measure may be submitted again.',
    fr: 'Le valideur refuse la mesure soumise, avec un motif et l’orientation qu’il propose (personne n’est laissé sans solution). La mesure peut être soumise à nouveau.',
  },
  payload: s.object({
    reason: s.oneOf(REJECTION_REASONS, { label: { fr: 'Motif du refus', en: 'Reason' }, example: 'another-measure-fits' }),
    orientation: s.optional(orientation({ description: 'Where the household may be oriented instead: required.' })),
    writtenDecision: writtenDecision(),
    personal: personalText.comment(),
  }),
  example: { reason: 'another-measure-fits', orientation: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' } },
  produces: [measureRejectedEvent],
  decide: (p, { context }) => [
    event(
      measureRejectedEvent,
      compact({ validatorId: context.validation?.validatorId ?? '', reason: p.reason, orientation: p.orientation as Orientation, writtenDecision: p.writtenDecision, personal: p.personal }),
    ),
  ],
});

export type RejectMeasurePayload = Infer<typeof rejectMeasure.payload>;
