import { s, type Infer } from '../../../engine/src';
import { measureValidatedEvent } from '../events/measure-validated.event';
import { VALIDATION_REASONS } from '../vocabulary/partners';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';
import { writtenDecision } from './support/written-decision';

/** The validator (or the coordinator, on its written decision) accepts the submitted measure. */
export const validateMeasure = defineCommand({
  name: 'validate-measure',
  summary: { en: 'Validate the measure', fr: 'Valider la mesure' },
  description: {
    en: 'The validator accepts the submitted measure: the contract may then be signed. A coordinator records it only on the validator’s written decision (its reference and date).',
    fr: 'Le valideur accepte la mesure soumise : le contrat peut alors être signé. Un·e coordinateur·rice ne l’enregistre que sur la décision écrite du valideur (sa référence et sa date).',
  },
  payload: s.object({
    reason: s.optional(s.oneOf(VALIDATION_REASONS, { label: { fr: 'Motif', en: 'Reason' }, example: 'criteria-met' })),
    writtenDecision: writtenDecision(),
    personal: personalText.comment(),
  }),
  example: { reason: 'criteria-met' },
  produces: [measureValidatedEvent],
  decide: (p, { context }) =>
    [event(measureValidatedEvent, compact({ validatorId: context.validation?.validatorId ?? '', reason: p.reason, writtenDecision: p.writtenDecision, personal: p.personal }))],
});

export type ValidateMeasurePayload = Infer<typeof validateMeasure.payload>;
