import { s, type Infer } from '../../../engine/src';
import { finalEvaluationRecordedEvent } from '../events/final-evaluation-recorded.event';
import { END_REASONS } from '../vocabulary/trajectory-terms';
import { GRID_EXAMPLE, gridComments, longText, missingAxesProblem, objectiveId, personal, ratings } from './support/fields';
import { compact, defineCommand, event, invalid } from './support/trajectory-command';

export const recordFinalEvaluation = defineCommand({
  name: 'record-final-evaluation',
  summary: { en: 'Record the final evaluation', fr: 'Enregistrer l’évaluation finale' },
  description: {
    en: 'Autonomy on each axis, each objective met or not, the end reason; signed with the household.',
    fr: 'L’autonomie sur chaque axe, chaque objectif atteint ou non, le motif de fin ; signée avec le ménage.',
  },
  payload: s.object({
    ratings: ratings(),
    objectives: s.list(
      s.object({ id: objectiveId(), met: s.boolean({ label: { fr: 'Atteint', en: 'Met' }, example: true }) }),
      { maxItems: 50, label: { fr: 'Objectifs', en: 'Objectives' }, example: [{ id: 'obj-1', met: true }] },
    ),
    endReason: s.oneOf(END_REASONS, { label: { fr: 'Motif de fin', en: 'End reason' }, example: 'housed' }),
    householdSigned: s.boolean({ label: { fr: 'Signée par le ménage', en: 'Signed by the household' }, description: 'The household signed the evaluation.', example: true }),
    personal: personal({ comments: gridComments(), summary: s.optional(longText({ fr: 'Synthèse', en: 'Summary' }, 'Housed in a T3 since June; manages the budget alone.')) }),
  }),
  example: { ratings: GRID_EXAMPLE, objectives: [{ id: 'obj-1', met: true }], endReason: 'housed', householdSigned: true },
  produces: [finalEvaluationRecordedEvent],
  decide: (p) => {
    const missing = missingAxesProblem(p.ratings);
    if (missing) return invalid(missing.field, missing.reason);
    return [
      event(
        finalEvaluationRecordedEvent,
        compact({ ratings: p.ratings, objectives: p.objectives, endReason: p.endReason, householdSigned: p.householdSigned, personal: p.personal }),
      ),
    ];
  },
});

export type RecordFinalEvaluationPayload = Infer<typeof recordFinalEvaluation.payload>;
