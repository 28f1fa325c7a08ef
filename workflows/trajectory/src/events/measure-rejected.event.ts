import type { Orientation } from '../vocabulary/orientation';
import type { RejectionReason } from '../vocabulary/partners';
import { defineEvent } from './event-definition';
import type { WrittenDecision } from './measure-validated.event';

/**
 * The validator rejected the submitted measure, saying why and where the household may be
 * oriented instead (nobody is left without a solution). A new submission may follow.
 */
export interface MeasureRejectedData {
  validatorId: string;
  reason: RejectionReason;
  orientation: Orientation;
  writtenDecision?: WrittenDecision;
  personal?: { comment?: string };
}

export const measureRejectedEvent = defineEvent<MeasureRejectedData>()('MeasureRejected');
