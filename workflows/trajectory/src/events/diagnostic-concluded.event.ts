import type { DiagnosticOutcome } from '../vocabulary/trajectory-terms';
import type { Partner } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The diagnostic ended with an outcome, signed by the household. */
export interface DiagnosticConcludedData {
  outcome: DiagnosticOutcome;
  householdSigned: boolean;
  /** For 'orient-existing': the measure or service that takes over. */
  relaisPartner?: Partner;
  personal?: { summary?: string };
}

export const diagnosticConcludedEvent = defineEvent<DiagnosticConcludedData>()('DiagnosticConcluded');
