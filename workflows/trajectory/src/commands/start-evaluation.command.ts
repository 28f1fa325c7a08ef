import { event, type TrajectoryCommandSpec } from './support/trajectory-command';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the command carries nothing but its date
export interface StartEvaluationPayload {}

export const startEvaluation: TrajectoryCommandSpec<'start-evaluation'> = {
  produces: ['EvaluationStarted'],
  read: () => ({}),
  decide: (_p, { context, occurredAt }) => [event('EvaluationStarted', { measureEndsOn: context.measure?.endsOn ?? occurredAt })],
};
