import type { CalendarDate } from '../../libs/domain/src';
import { billableUnits, unitPrice, UNIT_KINDS, type BillableUnit, type UnitKind } from './billable-units.calculator';
import type { Convention } from './convention.events';
import type { FunderFacts } from './funder-facts.reducer';
import { splitByShares, type Cents } from './money';

export interface ConsumptionLine {
  kind: UnitKind;
  scale: string | null;
  quantity: number;
  unitPriceCents: Cents;
  amountCents: Cents;
}

export interface CapStatus {
  capCents: Cents;
  totalCents: Cents;
  remainingCents: Cents;
  /** totalCents / capCents in percent, one decimal; null for a zero cap. */
  usedPercent: number | null;
  overCap: boolean;
  /** The consumption has reached the cap (total ≥ cap): a visible warning, or new measures refused where the programme's capPolicy is 'refuse'. */
  capReached: boolean;
}

export interface Consumption extends CapStatus {
  conventionId: string;
  funder: string;
  programme: string;
  year: number;
  /** Figures run up to this Paris date. */
  asOf: CalendarDate;
  lines: ConsumptionLine[];
  funderShares: { funder: string; share: number; amountCents: Cents }[];
  planned: Convention['plannedVolumes'] | null;
}

/** Quantities and amounts of the units kept by `keep`, one line per kind (and scale), in a fixed order. */
export function linesOf(units: readonly BillableUnit[], convention: Pick<Convention, 'prices'>): ConsumptionLine[] {
  const lines: ConsumptionLine[] = [];
  const scales = convention.prices.perMeasure?.map((s) => s.code) ?? [];
  for (const kind of UNIT_KINDS) {
    const ofKind = units.filter((u) => u.kind === kind);
    const groups: (string | null)[] = kind === 'measure' ? (scales.length > 0 ? [...scales, ...(ofKind.some((u) => u.scale === null) ? [null] : [])] : [null]) : [null];
    for (const scale of groups) {
      const quantity = ofKind.filter((u) => u.scale === scale).length;
      const price = unitPrice(kind, scale, convention.prices);
      lines.push({ kind, scale, quantity, unitPriceCents: price, amountCents: quantity * price });
    }
  }
  return lines;
}

export function capStatus(total: Cents, cap: Cents): CapStatus {
  return { capCents: cap, totalCents: total, remainingCents: cap - total, usedPercent: cap > 0 ? Math.round((total * 1000) / cap) / 10 : null, overCap: total > cap, capReached: total >= cap };
}

/** What a convention's diagnostics, month-measures, measures and dwelling-years cost in a year, against its cap. */
export function computeConsumption(convention: Convention, facts: readonly FunderFacts[], year: number, today: CalendarDate): Consumption {
  const prefix = `${year}-`;
  const units = billableUnits(facts, convention.prices, today).filter((u) => u.month.startsWith(prefix));
  return consumptionOf(convention, linesOf(units, convention), year, today);
}

/** The consumption answer for a year's lines (computed from facts, or read from the aggregates). */
export function consumptionOf(convention: Convention, lines: ConsumptionLine[], year: number, today: CalendarDate): Consumption {
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  return {
    conventionId: convention.id,
    funder: convention.funder,
    programme: convention.programme,
    year,
    asOf: today,
    lines,
    ...capStatus(total, convention.yearlyCapCents),
    funderShares: splitByShares(total, convention.funderShares),
    planned: convention.plannedVolumes ?? null,
  };
}
