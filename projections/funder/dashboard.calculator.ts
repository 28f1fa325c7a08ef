import { addMonths, type CalendarDate } from '../../libs/domain/src';
import { billableUnits, measureSpanOverlaps } from './billable-units.calculator';
import { capStatus, linesOf, type CapStatus, type ConsumptionLine } from './consumption.calculator';
import type { Convention } from './convention.events';
import type { FunderFacts } from './funder-facts.reducer';
import type { Cents } from './money';

export interface MonthlyDashboard {
  conventionId: string;
  funder: string;
  programme: string;
  month: string;
  asOf: CalendarDate;
  saisinesReceived: number;
  diagnosticsStarted: number;
  diagnosticsConcluded: number;
  /** Measures in progress on at least one day of the month, suspended or not. */
  measuresActive: number;
  /** Of those, months actually billed: in briques and not suspended for at least one day. */
  monthMeasures: number;
  closuresByEndReason: Record<string, number>;
  amountThisMonthCents: Cents;
  linesThisMonth: ConsumptionLine[];
  /** Year to date: from January to the end of the month. */
  yearToDate: CapStatus;
  /** Planned volumes of the convention beside the actual ones, year to date (planned null when the convention plans none). */
  volumes: VolumeLine[];
  /** Saisines received in the month by each of the programme's saisine fields (field, value, count). */
  saisineFields: FieldCount[];
}

export interface VolumeLine {
  volume: 'diagnostics' | 'measures' | 'monthMeasures' | 'dwellingYears';
  planned: number | null;
  actualYearToDate: number;
}

export interface FieldCount {
  field: string;
  value: string;
  count: number;
}

const VOLUME_OF_KIND = { diagnostic: 'diagnostics', measure: 'measures', 'month-measure': 'monthMeasures', 'dwelling-year': 'dwellingYears' } as const;

/** Planned beside actual: one line per unit kind, actual summed over the year-to-date lines. */
export function volumesOf(planned: Convention['plannedVolumes'], ytdLines: readonly ConsumptionLine[]): VolumeLine[] {
  return (Object.entries(VOLUME_OF_KIND) as [ConsumptionLine['kind'], VolumeLine['volume']][]).map(([kind, volume]) => ({
    volume,
    planned: planned?.[volume] ?? null,
    actualYearToDate: ytdLines.filter((l) => l.kind === kind).reduce((n, l) => n + l.quantity, 0),
  }));
}

/** Counts by (field, value), sorted: the breakdown of saisines by the programme's own fields. */
export function fieldCounts(fields: readonly (Record<string, string> | undefined)[]): FieldCount[] {
  const counts = new Map<string, number>();
  for (const f of fields) for (const [field, value] of Object.entries(f ?? {})) counts.set(`${field}\u0000${value}`, (counts.get(`${field}\u0000${value}`) ?? 0) + 1);
  return [...counts.entries()]
    .map(([k, count]) => {
      const [field, value] = k.split('\u0000');
      return { field, value, count };
    })
    .sort((a, b) => a.field.localeCompare(b.field) || a.value.localeCompare(b.value));
}

const inMonth = (date: CalendarDate | null, month: string): boolean => date !== null && date.startsWith(month);

/** domain §7: the monthly dashboard of a convention. `month` is 'YYYY-MM'. */
export function computeDashboard(convention: Convention, facts: readonly FunderFacts[], month: string, today: CalendarDate): MonthlyDashboard {
  const from = `${month}-01`;
  const toExclusive = addMonths(from, 1);
  const units = billableUnits(facts, convention.prices, today);
  const linesThisMonth = linesOf(
    units.filter((u) => u.month === month),
    convention,
  );
  const amountThisMonthCents = linesThisMonth.reduce((s, l) => s + l.amountCents, 0);
  const ytdLines = linesOf(
    units.filter((u) => u.month.slice(0, 4) === month.slice(0, 4) && u.month <= month),
    convention,
  );

  const received = facts.filter((f) => inMonth(f.saisineOn, month) && f.saisineOn <= today);
  const closures: Record<string, number> = {};
  for (const f of facts) {
    if (inMonth(f.closedOn, month)) {
      const reason = f.endReason ?? 'unspecified';
      closures[reason] = (closures[reason] ?? 0) + 1;
    }
  }
  return {
    conventionId: convention.id,
    funder: convention.funder,
    programme: convention.programme,
    month,
    asOf: today,
    saisinesReceived: received.length,
    diagnosticsStarted: facts.reduce((n, f) => n + f.diagnostics.filter((d) => inMonth(d.startedOn, month)).length, 0),
    diagnosticsConcluded: facts.reduce((n, f) => n + f.diagnostics.filter((d) => inMonth(d.concludedOn, month)).length, 0),
    measuresActive: facts.reduce((n, f) => n + f.measures.filter((m) => measureSpanOverlaps(m, from, toExclusive, today)).length, 0),
    monthMeasures: units.filter((u) => u.kind === 'month-measure' && u.month === month).length,
    closuresByEndReason: Object.fromEntries(Object.entries(closures).sort(([a], [b]) => a.localeCompare(b))),
    amountThisMonthCents,
    linesThisMonth,
    yearToDate: capStatus(
      ytdLines.reduce((s, l) => s + l.amountCents, 0),
      convention.yearlyCapCents,
    ),
    volumes: volumesOf(convention.plannedVolumes, ytdLines),
    saisineFields: fieldCounts(received.map((f) => f.saisineFields)),
  };
}
