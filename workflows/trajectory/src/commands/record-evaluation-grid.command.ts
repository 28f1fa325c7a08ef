import { s, type Infer } from '../../../engine/src';
import { evaluationGridRecordedEvent } from '../events/evaluation-grid-recorded.event';
import { GRID_EXAMPLE, gridComments, missingAxesProblem, personal, ratings } from './support/fields';
import { compact, defineCommand, event, invalid } from './support/trajectory-command';

export const recordEvaluationGrid = defineCommand({
  name: 'record-evaluation-grid',
  summary: { en: 'Record the evaluation grid', fr: 'Enregistrer la grille d’évaluation' },
  description: {
    en: 'The shared five-axis grid, recorded during the diagnostic; comments are personal.',
    fr: 'La grille commune à cinq axes, remplie pendant le diagnostic ; les commentaires sont des données personnelles.',
  },
  payload: s.object({ ratings: ratings(), personal: personal({ comments: gridComments() }) }),
  example: { ratings: GRID_EXAMPLE },
  produces: [evaluationGridRecordedEvent],
  decide: (p) => {
    const missing = missingAxesProblem(p.ratings);
    if (missing) return invalid(missing.field, missing.reason);
    return [event(evaluationGridRecordedEvent, compact({ ratings: p.ratings, personal: p.personal }))];
  },
});

export type RecordEvaluationGridPayload = Infer<typeof recordEvaluationGrid.payload>;
