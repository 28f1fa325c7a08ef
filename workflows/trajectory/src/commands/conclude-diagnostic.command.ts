import type { DiagnosticOutcome } from '../vocabulary/trajectory-terms';
import type { Partner } from '../vocabulary/orientation';

export interface ConcludeDiagnosticPayload {
  outcome: DiagnosticOutcome;
  /** The household signed the diagnostic. */
  householdSigned: boolean;
  /** Required for 'orient-existing'. */
  relaisPartner?: Partner;
  personal?: { summary?: string };
}
