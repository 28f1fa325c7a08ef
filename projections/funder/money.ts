/**
 * Amounts are integer euro cents end to end, in fields named `...Cents` (requests, answers, CSV): a
 * convention's figures are summed over thousands of month-measures and must add up to the cent on
 * the funder's invoice. Euros appear only in the recorded ConventionCreated v1 (convention.events.ts).
 */
export type Cents = number;

export function toCents(euros: number): Cents {
  return Math.round(euros * 100);
}

export function toEuros(cents: Cents): number {
  return cents / 100;
}

export interface FunderShare {
  funder: string;
  /** Fraction of the cost, e.g. 0.6; a convention's shares sum to 1. */
  share: number;
}

/**
 * Splits an amount by percentage with the largest-remainder method, so the parts always sum to the
 * total (60/40 of 100.01 EUR is 60.01 + 40.00, not 60.006 + 40.004 rounded to 100.00).
 */
export function splitByShares(total: Cents, shares: readonly FunderShare[]): { funder: string; share: number; amountCents: Cents }[] {
  if (shares.length === 0) return [];
  const sum = shares.reduce((s, x) => s + x.share, 0);
  const exact = shares.map((s) => (total * s.share) / sum);
  const floors = exact.map((x) => Math.floor(x));
  let remainder = total - floors.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remainder <= 0) break;
    floors[i] += 1;
    remainder -= 1;
  }
  return shares.map((s, i) => ({ funder: s.funder, share: s.share, amountCents: floors[i] }));
}
