import { addDays, type CalendarDate } from '../../libs/domain/src';

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
