import { addDays, addMonths, type CalendarDate } from '../../../../libs/domain/src';
import type { MonthBilling } from '../../../programmes/src';

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

/**
 * One measure's activity, folded from the trajectory's events by `measureActivityAfter` (the one
 * definition the view, the funder figures and the feed all use). `leftOn` is the first day the
 * measure was no longer in briques (evaluation, relais, veille, closing); null while it is, even
 * when suspended.
 */
export interface MeasureActivity {
  startsOn: CalendarDate;
  periods: ActivePeriod[];
  leftOn: CalendarDate | null;
}

/** 'YYYY-MM' */
export type YearMonth = string;

/** The events after which a measure is no longer in briques. */
const LEAVING_EVENTS: ReadonlySet<string> = new Set([
  'EvaluationStarted',
  'HandedOff',
  'VeilleStarted',
  'RelaisConfirmed',
  'TrajectoryClosed',
  'VeilleEnded',
  'TrajectoryWithdrawn',
]);

export function startMeasureActivity(startsOn: CalendarDate): MeasureActivity {
  return { startsOn, periods: [{ from: startsOn, to: null }], leftOn: null };
}

function isOpen(periods: readonly ActivePeriod[]): boolean {
  return periods.length > 0 && periods[periods.length - 1].to === null;
}

function stop(a: MeasureActivity, on: CalendarDate): MeasureActivity {
  if (!isOpen(a.periods)) return a;
  const open = a.periods[a.periods.length - 1];
  return { ...a, periods: [...a.periods.slice(0, -1), { from: open.from, to: on }] };
}

function restart(a: MeasureActivity, on: CalendarDate): MeasureActivity {
  return isOpen(a.periods) ? { ...a, leftOn: null } : { ...a, leftOn: null, periods: [...a.periods, { from: on, to: null }] };
}

/**
 * How one event (its type and business date) changes a started measure's activity. A suspension
 * stops it, a resumption starts it again; evaluation, hand-off, veille and every closing make it
 * leave briques; a renewal decided after it left (at the evaluation) brings it back, a renewal in
 * briques (suspended or not) changes nothing. Pure; any other event leaves it as it is.
 */
export function measureActivityAfter(a: MeasureActivity, eventType: string, on: CalendarDate): MeasureActivity {
  if (eventType === 'MeasureSuspended') return a.leftOn === null ? stop(a, on) : a;
  if (eventType === 'MeasureResumed') return a.leftOn === null ? restart(a, on) : a;
  if (eventType === 'MeasureRenewed') return a.leftOn !== null ? restart(a, on) : a;
  if (LEAVING_EVENTS.has(eventType)) {
    const stopped = stop(a, on);
    return stopped.leftOn === null ? { ...stopped, leftOn: on } : stopped;
  }
  return a;
}

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

/**
 * How a programme counts month-measures (domain §5). Extension point: a programme setting that
 * counts differently (e.g. "months of measure" billed whatever day it starts) is a new `basis`
 * handled in `monthMeasures` below; every reader passes the programme's setting and gets the
 * months from this one function.
 */
export interface MonthMeasureSetting {
  basis: 'active-calendar-months' | 'months-of-measure';
}

export const DEFAULT_MONTH_MEASURE_SETTING: MonthMeasureSetting = { basis: 'active-calendar-months' };

/** The setting of a programme's `monthBilling` (copied into its trajectories' terms; absent: calendar months). */
export function monthMeasureSettingOf(monthBilling: MonthBilling | undefined): MonthMeasureSetting {
  return monthBilling === 'months-of-measure' ? { basis: 'months-of-measure' } : DEFAULT_MONTH_MEASURE_SETTING;
}

/**
 * THE month-measures of one measure up to `today`, sorted, one entry per month billed:
 * - 'active-calendar-months': each calendar month in which it was active (in briques, not
 *   suspended) for at least one day (a 6-month measure starting on the 20th bills 7);
 * - 'months-of-measure': each month of the measure counted from its first day (start + n months,
 *   clamped to the month's end) with at least one active day, in the calendar month of that first
 *   active day (6 months bill 6, whatever day they start).
 * Funder figures, the feed and the trajectory view all count with this.
 */
export function monthMeasures(measure: { readonly periods: readonly ActivePeriod[] }, today: CalendarDate, setting: MonthMeasureSetting = DEFAULT_MONTH_MEASURE_SETTING): YearMonth[] {
  switch (setting.basis) {
    case 'active-calendar-months':
      return activeMonths(measure.periods, today);
    case 'months-of-measure':
      return monthsOfMeasure(measure.periods, today);
  }
}

function monthsOfMeasure(periods: readonly ActivePeriod[], today: CalendarDate): YearMonth[] {
  const endExclusive = addDays(today, 1);
  const clipped = periods.map((p) => ({ from: p.from, to: p.to === null || p.to > endExclusive ? endExclusive : p.to })).filter((p) => p.to > p.from);
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

/** Month-measures of one measure falling in a calendar year. */
export function monthMeasuresInYear(periods: readonly ActivePeriod[], year: number, today: CalendarDate): number {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return monthMeasures({ periods }, today).filter((m) => m.startsWith(prefix)).length;
}

/** Whether a measure was active on at least one day of a given month. */
export function activeInMonth(periods: readonly ActivePeriod[], month: YearMonth, today: CalendarDate): boolean {
  return monthMeasures({ periods }, today).includes(month);
}

/** Whether a measure was active on at least one day of a given year (GLA counts dwelling-years). */
export function activeInYear(periods: readonly ActivePeriod[], year: number, today: CalendarDate): boolean {
  return monthMeasuresInYear(periods, year, today) > 0;
}
