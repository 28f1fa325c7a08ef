import type { DiagnosticOutcome } from '../../vocabulary/trajectory-terms';
import { dataOf, route, type TrajectoryRule, type TrajectoryRules } from './trajectory-rule';

export const gridRequired: TrajectoryRule = {
  code: 'evaluation-grid-required',
  reason: 'The shared evaluation grid must be recorded before concluding the diagnostic.',
  holds: (c) => c.diagnostic.grid !== undefined,
  reads: 'context',
};

export const householdSignedDiagnostic: TrajectoryRule = {
  code: 'household-signature-required',
  reason: 'The household must sign the diagnostic before it is concluded: nothing is done in its name without its agreement.',
  holds: (_c, e) => dataOf(e, 'DiagnosticConcluded').householdSigned === true,
};

const relaisPartnerRequired: TrajectoryRule = {
  code: 'relais-partner-required',
  reason: 'Orienting to an existing measure needs the partner who takes over.',
  holds: (_c, e) => dataOf(e, 'DiagnosticConcluded').relaisPartner !== undefined,
};

const outcome = (expected: DiagnosticOutcome): TrajectoryRule =>
  route(`outcome-${expected}`, `The outcome is ${expected}.`, (_c, e) => dataOf(e, 'DiagnosticConcluded').outcome === expected);

/** Builds the diagnostic's rules; a machine version may drop the signature (see v2). */
export function diagnosticRules(options: { requireHouseholdSignature: boolean }) {
  const common = options.requireHouseholdSignature ? [gridRequired, householdSignedDiagnostic] : [gridRequired];
  return {
    concludeAutonomous: [outcome('autonomous'), ...common],
    concludeOrientExisting: [outcome('orient-existing'), ...common, relaisPartnerRequired],
    concludeProposeAccompaniment: [outcome('propose-accompaniment'), ...common],
  } satisfies TrajectoryRules;
}
