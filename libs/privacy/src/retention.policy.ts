import { addMonths, type CalendarDate } from '../../domain/src';

/** Personal data is kept this long after the last recorded contact when a programme says nothing else. */
export const DEFAULT_RETENTION_MONTHS = 24;

/** What the retention read model knows of a household whose trajectories are all closed. */
export interface RetentionCandidate {
  householdId: string;
  /** The latest business date recorded on any of its trajectories (a closing counts as a contact). */
  lastContactOn: CalendarDate;
  /** Programme codes of its trajectories. */
  programmes: string[];
  trajectories: number;
}

export interface RetentionDecision extends RetentionCandidate {
  /** The programme that keeps the data longest: it decides. */
  programme: string;
  retentionMonths: number;
  expiresOn: CalendarDate;
}

/**
 * Which households' personal data has outlived its retention period on `today`. A household under
 * several programmes keeps its data for the longest of their periods; a programme no longer in
 * the catalogue counts with the default. Pure: the same inputs always give the same list.
 */
export function expiredHouseholds(
  candidates: readonly RetentionCandidate[],
  today: CalendarDate,
  retentionMonthsOf: (programmeCode: string) => number | undefined,
): RetentionDecision[] {
  const decisions: RetentionDecision[] = [];
  for (const c of candidates) {
    const periods = (c.programmes.length ? c.programmes : ['']).map((code) => ({ code, months: retentionMonthsOf(code) ?? DEFAULT_RETENTION_MONTHS }));
    const longest = periods.reduce((a, b) => (b.months > a.months ? b : a));
    const expiresOn = addMonths(c.lastContactOn, longest.months);
    if (expiresOn <= today) decisions.push({ ...c, programme: longest.code, retentionMonths: longest.months, expiresOn });
  }
  return decisions.sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : a.householdId < b.householdId ? -1 : 1));
}
