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
import { sharingRules } from './rules/sharing.rules';
import { validationRules } from './rules/validation.rules';

/**
 * v1: domain.md §2 as written. Never edit a released version's rules: add a version.
 * Issue 13 added validation and sharing to v1 without changing any replay: their events did not
 * exist before, and the signature's validation rule holds for every programme without a
 * `validation` setting, which every trajectory opened before carries in its terms.
 */
export const trajectoryRulesV1 = {
  ...openStageRules,
  ...saisineRules,
  ...diagnosticRules({ requireHouseholdSignature: true }),
  ...contractRules,
  ...validationRules,
  ...briquesRules,
  ...earlyBriquesRules,
  ...evaluationRules,
  ...afterMeasureRules,
  ...sharingRules,
};

/** The machine's guard names: v1's, which every later version keeps (a version changes rules, not names). */
export type TrajectoryGuard = keyof typeof trajectoryRulesV1;

/** A version's rules, one list per guard of the machine. */
export type TrajectoryRuleBook = RuleBook<TrajectoryContext, MachineEvent, TrajectoryGuard>;
