import type { SuspensionReason } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** The measure is paused (hospital, prison, unreachable): nothing is due, nothing billed. */
export interface MeasureSuspendedData {
  reason: SuspensionReason;
  personal?: { comment?: string };
}

export const measureSuspendedEvent = defineEvent<MeasureSuspendedData>()('MeasureSuspended');
