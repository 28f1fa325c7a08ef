import { addDays, type CalendarDate } from '../../libs/domain/src';
import type { ConventionPrices } from './convention.events';
import type { FunderFacts } from './funder-facts.reducer';
import type { Cents } from './money';
import { monthMeasures, monthMeasureSettingOf, type YearMonth } from './month-measures.calculator';

export const UNIT_KINDS = ['diagnostic', 'month-measure', 'measure', 'dwelling-year'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** One billable thing, in the month it is billed: the shared grain of consumption, dashboard and report. */
export interface BillableUnit {
  kind: UnitKind;
  month: YearMonth;
  /** For 'measure': the scale (barème) priced. */
  scale: string | null;
  trajectoryIndex: number;
}

/**
 * What a convention is billed for (domain §5), never ahead of `today`:
 * - a diagnostic in the month it was concluded;
 * - a month-measure for each month billed by the programme's monthBilling (monthMeasures: calendar
 *   months with an active day, or months of measure);
 * - a measure in the month it started, at its scale (or the convention's first scale);
 * - a dwelling-year for each calendar year a trajectory's measure was active, in the first active
 *   month of that year (GLA is counted per dwelling and year; a household is one dwelling).
 */
export function billableUnits(facts: readonly FunderFacts[], prices: ConventionPrices, today: CalendarDate): BillableUnit[] {
  const units: BillableUnit[] = [];
  const defaultScale = prices.perMeasure?.[0]?.code ?? null;
  facts.forEach((f, trajectoryIndex) => {
    for (const d of f.diagnostics) {
      if (d.concludedOn && d.concludedOn <= today) units.push({ kind: 'diagnostic', month: d.concludedOn.slice(0, 7), scale: null, trajectoryIndex });
    }
    const dwellingYears = new Map<string, YearMonth>();
    for (const m of f.measures) {
      const months = monthMeasures(m, today, monthMeasureSettingOf(f.monthBilling));
      for (const month of months) {
        units.push({ kind: 'month-measure', month, scale: null, trajectoryIndex });
        const year = month.slice(0, 4);
        const first = dwellingYears.get(year);
        if (!first || month < first) dwellingYears.set(year, month);
      }
      if (m.startsOn <= today) {
        const scale = m.scale && prices.perMeasure?.some((s) => s.code === m.scale) ? m.scale : defaultScale;
        units.push({ kind: 'measure', month: m.startsOn.slice(0, 7), scale, trajectoryIndex });
      }
    }
    for (const month of dwellingYears.values()) units.push({ kind: 'dwelling-year', month, scale: null, trajectoryIndex });
  });
  return units;
}

export function unitPrice(kind: UnitKind, scale: string | null, prices: ConventionPrices): Cents {
  switch (kind) {
    case 'diagnostic':
      return prices.perDiagnosticCents ?? 0;
    case 'month-measure':
      return prices.perMonthCents ?? 0;
    case 'dwelling-year':
      return prices.perDwellingYearCents ?? 0;
    case 'measure':
      return prices.perMeasure?.find((s) => s.code === scale)?.priceCents ?? 0;
  }
}

/** Whether a measure was in progress (suspended or not) on at least one day of [from, toExclusive). */
export function measureSpanOverlaps(m: { startsOn: CalendarDate; leftOn: CalendarDate | null }, from: CalendarDate, toExclusive: CalendarDate, today: CalendarDate): boolean {
  const end = m.leftOn ?? addDays(today, 1);
  return m.startsOn < toExclusive && end > from && m.startsOn < end;
}
