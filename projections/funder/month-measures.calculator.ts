import { addDays, addMonths, type CalendarDate } from '../../libs/domain/src';
import type { MonthBilling } from '../../workflows/programmes/src';

/**
 * A stretch of days during which a measure was active: in briques and not suspended.
 * `from` is the first active day; `to` is the first day it no longer was (exclusive), or null while
 * it still is. The day a measure is suspended, evaluated or closed is therefore not billed: a
 * household hospitalised from 1 March costs nothing in March unless the measure resumes in March.
 */
export interface ActivePeriod {
  from: CalendarDate;
  to: CalendarDate | null;
}

/** 'YYYY-MM' */
export type YearMonth = string;

function monthIndex(date: CalendarDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function yearMonthOf(index: number): YearMonth {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The calendar months in which at least one day falls inside one of the periods (domain §5,
 * "month-measure"). Open periods run up to and including `today`: a month that has not begun is
 * never billed ahead of time.
 */
export function activeMonths(periods: readonly ActivePeriod[], today: CalendarDate): YearMonth[] {
  return billedMonths(periods, today, 'calendar-months');
}

/**
 * The months a measure bills, one entry per month billed, in the calendar month it is billed in
 * (domain §5; the programme's `monthBilling`):
 * - 'calendar-months': each calendar month with at least one active day (the AVDL mois-mesure);
 * - 'months-of-measure': each month of the measure, counted from its first day (start + n months,
 *   clamped to the month's end), with at least one active day, billed in the calendar month of
 *   that first active day. A 6-month measure starting on the 20th bills 6 months, not 7.
 * Suspended days are not active in either mode; open periods run up to and including `today`.
 */
export function billedMonths(periods: readonly ActivePeriod[], today: CalendarDate, billing: MonthBilling = 'calendar-months'): YearMonth[] {
  if (billing === 'months-of-measure') return monthsOfMeasure(periods, today);
  const months = new Set<number>();
  const endExclusive = addDays(today, 1);
  for (const p of periods) {
    const to = p.to === null || p.to > endExclusive ? endExclusive : p.to;
    if (to <= p.from) continue;
    const last = addDays(to, -1);
    for (let m = monthIndex(p.from); m <= monthIndex(last); m++) months.add(m);
  }
  return [...months].sort((a, b) => a - b).map(yearMonthOf);
}

/** Month-measures of one measure falling in a calendar year. */
export function monthMeasuresInYear(periods: readonly ActivePeriod[], year: number, today: CalendarDate): number {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return activeMonths(periods, today).filter((m) => m.startsWith(prefix)).length;
}

/** Whether a measure was active on at least one day of a given month. */
export function activeInMonth(periods: readonly ActivePeriod[], month: YearMonth, today: CalendarDate): boolean {
  return activeMonths(periods, today).includes(month);
}

/** Whether a measure was active on at least one day of a given year (GLA counts dwelling-years). */
export function activeInYear(periods: readonly ActivePeriod[], year: number, today: CalendarDate): boolean {
  return monthMeasuresInYear(periods, year, today) > 0;
}

function monthsOfMeasure(periods: readonly ActivePeriod[], today: CalendarDate): YearMonth[] {
  const endExclusive = addDays(today, 1);
  const clipped = periods
    .map((p) => ({ from: p.from, to: p.to === null || p.to > endExclusive ? endExclusive : p.to }))
    .filter((p) => p.to > p.from);
  if (clipped.length === 0) return [];
  const anchor = periods[0].from;
  const end = clipped.reduce((m, p) => (p.to > m ? p.to : m), clipped[0].to);
  const out: YearMonth[] = [];
  for (let i = 0; ; i++) {
    const from = addMonths(anchor, i);
    if (from >= end) break;
    const to = addMonths(anchor, i + 1);
    let first: CalendarDate | null = null;
    for (const p of clipped) {
      const f = p.from > from ? p.from : from;
      const t = p.to < to ? p.to : to;
      if (f < t && (first === null || f < first)) first = f;
    }
    if (first !== null) out.push(first.slice(0, 7));
  }
  return out;
}
