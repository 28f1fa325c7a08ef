import { diagnosticRules } from './rules/diagnostic.rules';
import { trajectoryRulesV1, type TrajectoryRuleBook } from './trajectory-rules.v1';

/**
 * v2 (example of a rule change): some funders accept a diagnostic concluded before the household
 * has signed it, the signature following with the contract. Everything else is v1. Trajectories
 * opened on v1 keep v1's rule.
 */
export const trajectoryRulesV2: TrajectoryRuleBook = {
  ...trajectoryRulesV1,
  ...diagnosticRules({ requireHouseholdSignature: false }),
};
