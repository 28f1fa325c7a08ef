import { recentReview, renewalsLeft } from './briques.rules';
import { dataOf, orientationForEndReason, type TrajectoryRule, type TrajectoryRules } from './trajectory-rule';

const finalEvaluationRequired: TrajectoryRule = {
  code: 'final-evaluation-required',
  reason: 'Record the final evaluation, signed with the household, first.',
  holds: (c) => c.evaluation?.final !== undefined,
  reads: 'context',
};

export const evaluationRules = {
  canRecordFinalEvaluation: [
    {
      code: 'final-evaluation-already-recorded',
      reason: (c) => `The final evaluation was recorded on ${c.evaluation?.final?.on}: choose what comes next.`,
      requirement: 'The final evaluation is recorded once.',
      holds: (c) => c.evaluation?.final === undefined,
      reads: 'context',
    },
    {
      code: 'household-signature-required',
      reason: 'The final evaluation is signed with the household.',
      holds: (_c, e) => dataOf(e, 'FinalEvaluationRecorded').householdSigned === true,
    },
    {
      code: 'objectives-incomplete',
      reason: (c, e) => {
        const given = dataOf(e, 'FinalEvaluationRecorded').objectives.map((o) => o.id);
        const missing = (c.contract?.objectives ?? []).map((o) => o.id).filter((id) => !given.includes(id));
        return `Say for each objective of the contract whether it was met (missing: ${missing.join(', ')}).`;
      },
      requirement: 'It says for each objective of the contract whether it was met.',
      holds: (c, e) => {
        const given = dataOf(e, 'FinalEvaluationRecorded').objectives.map((o) => o.id);
        return (c.contract?.objectives ?? []).every((o) => given.includes(o.id));
      },
    },
  ],
  canRenewFromEvaluation: [finalEvaluationRequired, renewalsLeft, recentReview((c) => c.evaluation?.final?.on, 'a bilan or the final evaluation')],
  canHandOff: [finalEvaluationRequired],
  canStartVeille: [finalEvaluationRequired],
  canClose: [finalEvaluationRequired, orientationForEndReason],
} satisfies TrajectoryRules;
