import { s, type Infer } from '../../../engine/src';
import { measureSubmittedForValidationEvent } from '../events/measure-submitted.event';
import { GRID_AXES } from '../vocabulary/evaluation-grid';
import { VALIDATION_URGENCIES } from '../vocabulary/partners';
import { OCCUPANCY_STATUSES } from '../vocabulary/trajectory-terms';
import { briqueCode, code } from './support/fields';
import { defineCommand, event, invalid } from './support/trajectory-command';

/**
 * Where the programme requires it (its `validation` setting), the measure the diagnostic proposed is
 * submitted to the named validator before the contract is signed. What is submitted is the
 * programme's submission form: categorical, no name, no free text.
 */
export const submitForValidation = defineCommand({
  name: 'submit-for-validation',
  summary: { en: 'Submit the measure for validation', fr: 'Soumettre la mesure à validation' },
  description: {
    en: 'Sends the proposed measure (categorical summary, proposed briques and duration) to the validator the programme names; the contract waits for its decision.',
    fr: 'Transmet la mesure proposée (synthèse catégorielle, briques et durée proposées) au valideur que nomme le dispositif ; le contrat attend sa décision.',
  },
  payload: s.object({
    measureType: code({ en: 'a measure type code', fr: 'un code de type de mesure' }, { label: { fr: 'Type de mesure', en: 'Measure type' }, example: 'ASLL' }),
    briques: s.list(briqueCode(), { minItems: 1, maxItems: 30, uniqueItems: true, label: { fr: 'Briques proposées', en: 'Proposed briques' }, example: ['2.1', '2.5'] }),
    durationMonths: s.integer({ minimum: 1, maximum: 60, label: { fr: 'Durée proposée (mois)', en: 'Proposed duration (months)' }, example: 6 }),
    summary: s.object(
      {
        axesNeedingSupport: s.list(s.oneOf(GRID_AXES, { label: { fr: 'Axe', en: 'Axis' }, example: 'savoir-louer' }), {
          maxItems: GRID_AXES.length,
          uniqueItems: true,
          label: { fr: 'Axes à accompagner', en: 'Axes needing support' },
          example: ['savoir-louer'],
        }),
        occupancyStatus: s.oneOf(OCCUPANCY_STATUSES, { label: { fr: 'Statut d’occupation', en: 'Occupancy status' }, example: 'direct-lease' }),
        urgency: s.oneOf(VALIDATION_URGENCIES, { label: { fr: 'Urgence', en: 'Urgency' }, example: 'standard' }),
      },
      { label: { fr: 'Synthèse', en: 'Summary' }, description: 'Categorical only: what the programme’s submission form carries.' },
    ),
  }),
  example: { measureType: 'ASLL', briques: ['2.1', '2.5'], durationMonths: 6, summary: { axesNeedingSupport: ['savoir-louer'], occupancyStatus: 'direct-lease', urgency: 'standard' } },
  produces: [measureSubmittedForValidationEvent],
  refusals: ['unknown-brique'],
  decide: (p, { context, deps }) => {
    const unknown = p.briques.filter((c) => !deps.briques.has(c));
    if (unknown.length) return invalid('briques', `names briques that are not in the catalogue: ${unknown.join(', ')}`, 'unknown-brique');
    const validation = context.programme?.validation;
    return [
      event(measureSubmittedForValidationEvent, {
        // A programme without a validator is refused by the rule (validation-not-required).
        validatorId: validation?.validatorId ?? '',
        validatorKind: validation?.validatorKind ?? 'funder',
        submission: { measureType: p.measureType, briques: p.briques, durationMonths: p.durationMonths, summary: { ...p.summary, axesNeedingSupport: GRID_AXES.filter((a) => p.summary.axesNeedingSupport.includes(a)) } },
      }),
    ];
  },
});

export type SubmitForValidationPayload = Infer<typeof submitForValidation.payload>;
