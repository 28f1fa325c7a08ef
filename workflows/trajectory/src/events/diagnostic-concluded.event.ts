import type { DiagnosticOutcome } from '../vocabulary/trajectory-terms';
import type { Partner } from '../vocabulary/orientation';

export const DIAGNOSTIC_CONCLUDED = 'DiagnosticConcluded';

/** The diagnostic ended with an outcome, signed by the household. */
export interface DiagnosticConcludedData {
  outcome: DiagnosticOutcome;
  householdSigned: boolean;
  /** For 'orient-existing': the measure or service that takes over. */
  relaisPartner?: Partner;
  personal?: { summary?: string };
}
