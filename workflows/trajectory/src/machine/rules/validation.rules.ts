import type { TrajectoryContext } from '../../trajectory-context';
import { dataOf, orientationRequired, type TrajectoryRule, type TrajectoryRules } from './trajectory-rule';

const validatorOf = (c: TrajectoryContext) => c.programme?.validation;
const validatorName = (c: TrajectoryContext) => validatorOf(c)?.validatorName ?? 'its validator';

/** Only a programme that names a validator takes submissions. */
const programmeRequiresValidation: TrajectoryRule = {
  code: 'validation-not-required',
  reason: (c) => `The programme ${c.programmeCode} does not ask for a validation of its measures: draft and sign the contract.`,
  requirement: 'The programme requires its measures to be validated.',
  holds: (c) => validatorOf(c) !== undefined,
  reads: 'context',
};

/** A written decision is dated between the submission and the day it is recorded. */
const writtenDecisionDated = (event: 'MeasureValidated' | 'MeasureRejected'): TrajectoryRule => ({
  code: 'decision-before-submission',
  reason: (c, e) =>
    `The written decision is dated ${dataOf(e, event).writtenDecision?.decidedOn}: it cannot precede the submission of ${c.validation?.submittedOn} nor follow the day it is recorded (${e.occurredAt}).`,
  requirement: 'A written decision is dated between the submission and the day it is recorded.',
  holds: (c, e) => {
    const on = dataOf(e, event).writtenDecision?.decidedOn;
    return on === undefined || (on >= (c.validation?.submittedOn ?? '') && on <= e.occurredAt);
  },
});

/** A decision is recorded on or after the submission it answers. */
const decidedAfterSubmission: TrajectoryRule = {
  code: 'decided-before-submission',
  reason: (c) => `The measure was submitted on ${c.validation?.submittedOn}: its decision cannot be dated before.`,
  requirement: 'A decision is dated on or after the submission.',
  holds: (c, e) => (c.validation?.submittedOn ?? '') <= e.occurredAt,
  reads: 'date',
};

export const validationRules = {
  canSubmitForValidation: [
    programmeRequiresValidation,
    {
      code: 'already-validated',
      reason: (c) => `The measure was validated by ${validatorName(c)} on ${c.validation?.decidedOn}: draft and sign the contract.`,
      requirement: 'A validated measure is not submitted again.',
      holds: (c) => c.validation?.status !== 'validated',
      reads: 'context',
    },
    {
      code: 'brique-not-allowed',
      reason: (c, e) => {
        const refused = dataOf(e, 'MeasureSubmittedForValidation').submission.briques.filter((b) => !c.programme?.allowedBriques.includes(b));
        return `The programme ${c.programmeCode} does not allow the brique(s) ${refused.join(', ')}.`;
      },
      requirement: 'The submission proposes briques the programme allows.',
      holds: (c, e) => dataOf(e, 'MeasureSubmittedForValidation').submission.briques.every((b) => c.programme?.allowedBriques.includes(b) === true),
      satisfiable: (c) => (c.programme?.allowedBriques.length ?? 0) > 0,
    },
  ],
  canValidateMeasure: [decidedAfterSubmission, writtenDecisionDated('MeasureValidated')],
  canRejectMeasure: [
    decidedAfterSubmission,
    { ...orientationRequired, reason: 'A rejected measure names the orientation proposed to the household: nobody is left without a solution.' },
    writtenDecisionDated('MeasureRejected'),
  ],
} satisfies TrajectoryRules;

/**
 * What signing the contract needs when the programme requires a validation: the validator's yes,
 * and a contract within what was validated (its briques, its duration).
 */
export const signatureNeedsValidation: TrajectoryRule[] = [
  {
    code: 'validation-required',
    reason: (c) => {
      const v = c.validation;
      const why =
        v?.status === 'awaiting'
          ? `it was submitted on ${v.submittedOn} and awaits the decision (validate-measure or reject-measure)`
          : v?.status === 'rejected'
            ? `it was rejected on ${v.decidedOn}: submit it again (submit-for-validation) or orient the household`
            : 'submit it first (submit-for-validation)';
      return `The programme ${c.programmeCode} requires the measure to be validated by ${validatorName(c)} before the contract is signed: ${why}.`;
    },
    requirement: 'Where the programme requires a validation, the contract is signed only once the measure was validated.',
    holds: (c) => validatorOf(c) === undefined || c.validation?.status === 'validated',
    reads: 'context',
  },
  {
    code: 'contract-differs-from-validation',
    reason: (c) =>
      `The contract plans ${c.contract?.briques.join(', ')} for ${c.contract?.durationMonths} months; ${validatorName(c)} validated ${c.validation?.submission.briques.join(', ')} for ${c.validation?.submission.durationMonths} months: redraft it within what was validated, or submit again.`,
    requirement: 'A validated measure is signed within what was validated (its briques, its duration at most).',
    holds: (c) => {
      const v = c.validation;
      if (validatorOf(c) === undefined || v?.status !== 'validated' || !c.contract) return true;
      return c.contract.briques.every((b) => v.submission.briques.includes(b)) && c.contract.durationMonths <= v.submission.durationMonths;
    },
    reads: 'context',
  },
];
