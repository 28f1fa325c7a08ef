import type { MachineEvent, RuleBook } from '../../../engine/src';
import type { TrajectoryContext } from '../trajectory-context';
import { afterMeasureRules } from './rules/after-measure.rules';
import { briquesRules } from './rules/briques.rules';
import { contractRules } from './rules/contract.rules';
import { earlyBriquesRules } from './rules/early-briques.rules';
import { diagnosticRules } from './rules/diagnostic.rules';
import { evaluationRules } from './rules/evaluation.rules';
import { openStageRules } from './rules/open-stage.rules';
import { saisineRules } from './rules/saisine.rules';

/** v1: domain.md §2 as written. Never edit a released version's rules: add a version. */
export const trajectoryRulesV1 = {
  ...openStageRules,
  ...saisineRules,
  ...diagnosticRules({ requireHouseholdSignature: true }),
  ...contractRules,
  ...briquesRules,
  ...earlyBriquesRules,
  ...evaluationRules,
  ...afterMeasureRules,
};

/** The machine's guard names: v1's, which every later version keeps (a version changes rules, not names). */
export type TrajectoryGuard = keyof typeof trajectoryRulesV1;

/** A version's rules, one list per guard of the machine. */
export type TrajectoryRuleBook = RuleBook<TrajectoryContext, MachineEvent, TrajectoryGuard>;
