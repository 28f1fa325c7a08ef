import { afterMeasureRules } from './rules/after-measure.rules';
import { briquesRules } from './rules/briques.rules';
import { contractRules } from './rules/contract.rules';
import { diagnosticRules } from './rules/diagnostic.rules';
import { evaluationRules } from './rules/evaluation.rules';
import { openStageRules } from './rules/open-stage.rules';
import { saisineRules } from './rules/saisine.rules';
import type { TrajectoryRuleBook } from './rules/trajectory-rule';

/** v1: domain.md §2 as written. Never edit a released version's rules: add a version. */
export const trajectoryRulesV1: TrajectoryRuleBook = {
  ...openStageRules,
  ...saisineRules,
  ...diagnosticRules({ requireHouseholdSignature: true }),
  ...contractRules,
  ...briquesRules,
  ...evaluationRules,
  ...afterMeasureRules,
};
