import { ValidationError } from './domain-error';

/**
 * Calendar dates (YYYY-MM-DD) as people in France read them: the business day in Europe/Paris.
 * Arithmetic is done on the civil date only, so daylight-saving changes never shift a deadline.
 */
export type CalendarDate = string;

export const PARIS_TZ = 'Europe/Paris';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parisFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function assertCalendarDate(value: unknown, field = 'date'): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new ValidationError(`${field} must be a calendar date YYYY-MM-DD`, [{ field, reason: 'not a valid YYYY-MM-DD date' }]);
  }
  return value;
}

let lastMinute = Number.NaN;
let lastDate: CalendarDate = '';

/**
 * The calendar date in Paris at a given instant. Paris changes date only on a whole UTC minute
 * (its offsets are whole hours), so the last minute's answer is kept: Intl's formatter cost more
 * than the rest of a command's date checks, and every command asks for today.
 */
export function parisDate(instant: Date): CalendarDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute === lastMinute) return lastDate;
  const date = parisFormatter.format(instant);
  lastMinute = minute;
  lastDate = date;
  return date;
}

/**
 * The instant a Paris calendar date begins (midnight in Europe/Paris, 23:00 or 22:00 UTC the day
 * before): the bound to compare instants with when a filter names days.
 */
export function parisDayStart(date: CalendarDate): Date {
  const utcMidnight = Date.parse(`${assertCalendarDate(date)}T00:00:00Z`);
  // Paris is UTC+1 or UTC+2: its midnight is one or two hours before UTC's; the later one that is already `date` wins.
  for (const hours of [1, 2]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (parisDate(candidate) === date && parisDate(new Date(candidate.getTime() - 1)) !== date) return candidate;
  }
  throw new Error(`no Paris midnight found for ${date}`);
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function parts(date: CalendarDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new ValidationError(`not a calendar date: ${date}`, [{ field: 'date', reason: 'not a valid YYYY-MM-DD date' }]);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): CalendarDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds months and clamps to the month's end: 31 January + 1 month = 28 or 29 February. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: CalendarDate): string {
  return date.slice(0, 7);
}
