export const EVALUATION_STARTED = 'EvaluationStarted';

/** The final evaluation began (brick 2.7 / 3.6). */
export interface EvaluationStartedData {
  measureEndsOn: string;
}
