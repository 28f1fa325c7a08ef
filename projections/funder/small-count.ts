/**
 * Anything that leaves the association shows counts under 5 as "<5" (domain §7): a small count
 * next to a commune or a profile can point at one household.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export type MaskedCount = number | '<5';

export function maskSmallCount(n: number): MaskedCount {
  return n > 0 && n < SMALL_COUNT_THRESHOLD ? '<5' : n;
}
