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
    saisinesReceived: facts.filter((f) => inMonth(f.saisineOn, month) && f.saisineOn <= today).length,
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
  };
}
