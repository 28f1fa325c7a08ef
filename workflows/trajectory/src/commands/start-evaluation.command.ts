import { s, type Infer } from '../../../engine/src';
import { evaluationStartedEvent } from '../events/evaluation-started.event';
import { defineCommand, event } from './support/trajectory-command';

export const startEvaluation = defineCommand({
  name: 'start-evaluation',
  summary: { en: 'Start the final evaluation', fr: 'Commencer l’évaluation finale' },
  description: { en: 'At or before the measure’s end: moves to evaluation. It carries nothing but its date.', fr: 'Au plus tard à la fin de la mesure : passe à l’évaluation. Elle ne porte que sa date.' },
  payload: s.object({}),
  example: {},
  produces: [evaluationStartedEvent],
  decide: (_p, { context, occurredAt }) => [event(evaluationStartedEvent, { measureEndsOn: context.measure?.endsOn ?? occurredAt })],
});

export type StartEvaluationPayload = Infer<typeof startEvaluation.payload>;
