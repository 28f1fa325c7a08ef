import type { SuspensionReason } from '../vocabulary/trajectory-terms';

export const MEASURE_SUSPENDED = 'MeasureSuspended';

/** The measure is paused (hospital, prison, unreachable): nothing is due, nothing billed. */
export interface MeasureSuspendedData {
  reason: SuspensionReason;
  personal?: { comment?: string };
}
