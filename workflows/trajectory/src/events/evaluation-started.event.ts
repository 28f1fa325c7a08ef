import { defineEvent } from './event-definition';

/** The final evaluation began (brick 2.7 / 3.6). */
export interface EvaluationStartedData {
  measureEndsOn: string;
}

export const evaluationStartedEvent = defineEvent<EvaluationStartedData>()('EvaluationStarted');
