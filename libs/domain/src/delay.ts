import { addDays, addMonths, type CalendarDate } from './calendar-date';

/**
 * A delay as a programme writes it: days, weeks or calendar months (exactly one unit).
 * "Diagnostic within 2 months" is `{ months: 2 }`: two calendar months, clamped to the month's end,
 * not 60 days.
 */
export type Delay = { days: number } | { weeks: number } | { months: number };
export const DELAY_UNITS = ['days', 'weeks', 'months'] as const;

/** The date `times` delays after `date`; months are added from `date` in one step, so they clamp once. */
export function addDelay(date: CalendarDate, delay: Delay, times = 1): CalendarDate {
  if ('months' in delay) return addMonths(date, delay.months * times);
  if ('weeks' in delay) return addDays(date, delay.weeks * 7 * times);
  return addDays(date, delay.days * times);
}

/** "2 months", "15 days", "1 week": for messages and docs. */
export function describeDelay(delay: Delay): string {
  const [unit, n] = Object.entries(delay)[0] as [string, number];
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
}

/** Problems of a delay read from JSON (none when valid). */
export function delayProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'must be an object { days }, { weeks } or { months }';
  const keys = Object.keys(raw);
  if (keys.length !== 1 || !DELAY_UNITS.includes(keys[0] as never)) return 'must have exactly one of days, weeks, months';
  const n = (raw as Record<string, unknown>)[keys[0]];
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) return `${keys[0]} must be a positive whole number`;
  return undefined;
}
