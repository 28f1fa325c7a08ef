import type { ValidationReason } from '../vocabulary/partners';
import { defineEvent } from './event-definition';

/** The validator's written decision, when the coordinator records it on the validator's behalf. */
export interface WrittenDecision {
  /** The document's reference (e.g. the commission's minutes number). */
  reference: string;
  /** The date the validator decided, as written on the document. */
  decidedOn: string;
}

/** The validator accepted the submitted measure: the contract may be signed. */
export interface MeasureValidatedData {
  validatorId: string;
  reason?: ValidationReason;
  writtenDecision?: WrittenDecision;
  personal?: { comment?: string };
}

export const measureValidatedEvent = defineEvent<MeasureValidatedData>()('MeasureValidated');
