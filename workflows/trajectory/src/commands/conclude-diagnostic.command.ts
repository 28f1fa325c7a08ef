import type { Partner } from '../vocabulary/orientation';
import { DIAGNOSTIC_OUTCOMES, type DiagnosticOutcome } from '../vocabulary/trajectory-terms';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ConcludeDiagnosticPayload {
  outcome: DiagnosticOutcome;
  /** The household signed the diagnostic. */
  householdSigned: boolean;
  /** Required for 'orient-existing'. */
  relaisPartner?: Partner;
  personal?: { summary?: string };
}

export const concludeDiagnostic: TrajectoryCommandSpec<'conclude-diagnostic'> = {
  produces: ['DiagnosticConcluded'],
  read: (c) =>
    compact({
      outcome: c.oneOf('outcome', DIAGNOSTIC_OUTCOMES)!,
      householdSigned: c.bool('householdSigned')!,
      relaisPartner: c.obj('relaisPartner', readOrientation, { optional: true }),
      personal: c.personal(),
    }),
  decide: (p) =>
    [event('DiagnosticConcluded', compact({ outcome: p.outcome, householdSigned: p.householdSigned, relaisPartner: p.relaisPartner, personal: p.personal }))],
};
