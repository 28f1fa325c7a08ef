/**
 * The record of an erasure: its own stream per household, so the trajectory machine never sees it
 * and every trajectory keeps replaying exactly as recorded. It carries no personal data: ids, a
 * categorical reason and the date, nothing a person could be recognised by.
 */
export const HOUSEHOLD_ERASED = 'HouseholdErased';
export const HOUSEHOLD_STREAM_PREFIX = 'household-';

export function householdStreamId(householdId: string): string {
  return `${HOUSEHOLD_STREAM_PREFIX}${householdId}`;
}

/**
 * Why personal data was erased. Categorical on purpose: a free-text reason ends up quoting the
 * person it is about, in a record kept for ever.
 * - household-request: the household asked (right to erasure);
 * - consent-withdrawn: the household withdrew its consent to the processing;
 * - unlawful-processing: the data should not have been collected or kept;
 * - legal-obligation: a court or the law requires it;
 * - retention-expired: the programme's retention period ran out (the retention job).
 */
export const ERASURE_REASONS = ['household-request', 'consent-withdrawn', 'unlawful-processing', 'legal-obligation', 'retention-expired'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export interface HouseholdErasedData {
  householdId: string;
  reason: ErasureReason;
  /** The business date of the erasure (Europe/Paris). */
  erasedOn: string;
  /** Trajectories whose personal data became unreadable. */
  trajectoryIds: string[];
  /** False when the household never had personal data written (a tombstone was still left). */
  keyDestroyed: boolean;
}
