import { daysBetween, type CalendarDate } from '../../libs/domain/src';
import { measureSpanOverlaps } from './billable-units.calculator';
import { GRID_AXES } from '../../workflows/trajectory/src/vocabulary/evaluation-grid';
import type { Convention } from './convention.events';
import type { FunderFacts } from './funder-facts.reducer';
import { maskSmallCount, type MaskedCount } from './small-count';

export interface MaskedShare {
  category: string;
  count: MaskedCount;
  /** Percent of the population, one decimal; null when the count is masked (it would give it away). */
  percent: number | null;
}

export interface GridAxisProgress {
  axis: string;
  improved: MaskedCount;
  unchanged: MaskedCount;
  worsened: MaskedCount;
}

export interface YearlyReport {
  conventionId: string;
  funder: string;
  programme: string;
  year: number;
  asOf: CalendarDate;
  households: { received: MaskedCount; diagnosed: MaskedCount; accompanied: MaskedCount; population: MaskedCount };
  outcomes: { housed: MaskedCount; maintained: MaskedCount; abandoned: MaskedCount };
  /** Measures that ended in the year: mean calendar duration from start to the end of briques. */
  averageDuration: { measures: MaskedCount; days: number | null; months: number | null };
  profile: { composition: MaskedShare[]; resources: MaskedShare[]; ageBand: MaskedShare[]; gender: MaskedShare[] };
  /** Share of accompanied households that went through each brique. */
  briques: MaskedShare[];
  gridProgress: { evaluated: MaskedCount; axes: GridAxisProgress[] };
  /** Households received in the year by each of the programme's categorical saisine fields (counts under 5 masked). */
  saisineFields: { field: string; shares: MaskedShare[] }[];
}

const RANK = { 'needs-support': 0, 'in-progress': 1, acquired: 2 } as const;

function shares(values: readonly string[], population: number): MaskedShare[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(([category, n]) => {
      const count = maskSmallCount(n);
      return { category, count, percent: count === '<5' || population === 0 ? null : Math.round((n * 1000) / population) / 10 };
    });
}

/**
 * domain §7: the yearly report of a convention, for people outside the association: every count
 * under 5 is shown as "<5". The population is every household with activity under the convention
 * in the year (received, diagnosed, accompanied or closed); each household counts once, with the
 * profile of its latest trajectory.
 */
export function computeYearlyReport(convention: Convention, facts: readonly FunderFacts[], year: number, today: CalendarDate): YearlyReport {
  const from = `${year}-01-01`;
  const toExclusive = `${year + 1}-01-01`;
  const inYear = (d: CalendarDate | null): d is CalendarDate => d !== null && d >= from && d < toExclusive && d <= today;

  const received = new Set<string>();
  const diagnosed = new Set<string>();
  const accompanied = new Set<string>();
  const outcomes = { housed: new Set<string>(), maintained: new Set<string>(), abandoned: new Set<string>() };
  const latest = new Map<string, FunderFacts>();
  const briques = new Map<string, Set<string>>();
  const durations: number[] = [];
  const progress = GRID_AXES.map((axis) => ({ axis, improved: 0, unchanged: 0, worsened: 0 }));
  let evaluated = 0;

  for (const f of facts) {
    const h = f.householdId;
    let active = false;
    if (inYear(f.saisineOn)) {
      received.add(h);
      active = true;
    }
    if (f.diagnostics.some((d) => inYear(d.concludedOn))) {
      diagnosed.add(h);
      active = true;
    }
    if (f.diagnostics.some((d) => inYear(d.startedOn))) active = true;
    if (f.measures.some((m) => measureSpanOverlaps(m, from, toExclusive, today))) {
      accompanied.add(h);
      active = true;
      for (const [code, startedOn] of Object.entries(f.briques)) {
        if (startedOn < toExclusive) briques.set(code, (briques.get(code) ?? new Set()).add(h));
      }
    }
    const endedOn = f.closedOn ?? f.finalEvaluationOn;
    if (inYear(endedOn)) {
      active = true;
      if (f.endReason === 'housed' || f.endReason === 'maintained' || f.endReason === 'abandoned') outcomes[f.endReason].add(h);
    }
    for (const m of f.measures) if (inYear(m.leftOn)) durations.push(daysBetween(m.startsOn, m.leftOn));
    if (inYear(f.finalEvaluationOn) && f.gridAtDiagnostic && f.gridAtFinal) {
      evaluated++;
      for (const p of progress) {
        const before = f.gridAtDiagnostic[p.axis];
        const after = f.gridAtFinal[p.axis];
        if (!before || !after) continue;
        if (RANK[after] > RANK[before]) p.improved++;
        else if (RANK[after] < RANK[before]) p.worsened++;
        else p.unchanged++;
      }
    }
    if (active) {
      const prev = latest.get(h);
      if (!prev || prev.saisineOn <= f.saisineOn) latest.set(h, f);
    }
  }

  const population = [...latest.values()];
  const receivedFacts = [...latest.values()].filter((f) => received.has(f.householdId) && inYear(f.saisineOn));
  const fieldNames = [...new Set(receivedFacts.flatMap((f) => Object.keys(f.saisineFields ?? {})))].sort();
  const meanDays = durations.length ? durations.reduce((s, d) => s + d, 0) / durations.length : null;
  const masked = maskSmallCount(durations.length);
  return {
    conventionId: convention.id,
    funder: convention.funder,
    programme: convention.programme,
    year,
    asOf: today,
    households: {
      received: maskSmallCount(received.size),
      diagnosed: maskSmallCount(diagnosed.size),
      accompanied: maskSmallCount(accompanied.size),
      population: maskSmallCount(population.length),
    },
    outcomes: {
      housed: maskSmallCount(outcomes.housed.size),
      maintained: maskSmallCount(outcomes.maintained.size),
      abandoned: maskSmallCount(outcomes.abandoned.size),
    },
    // An average over fewer than 5 measures tells about those few households: withheld with the count.
    averageDuration: {
      measures: masked,
      days: masked === '<5' || meanDays === null ? null : Math.round(meanDays * 10) / 10,
      months: masked === '<5' || meanDays === null ? null : Math.round((meanDays / 30.4375) * 10) / 10,
    },
    profile: {
      composition: shares(population.map((f) => f.profile.composition), population.length),
      resources: shares(population.map((f) => f.profile.resources), population.length),
      ageBand: shares(population.map((f) => f.profile.ageBand), population.length),
      gender: shares(population.map((f) => f.profile.gender), population.length),
    },
    briques: [...briques.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }))
      .map(([category, set]) => {
        const count = maskSmallCount(set.size);
        return { category, count, percent: count === '<5' || accompanied.size === 0 ? null : Math.round((set.size * 1000) / accompanied.size) / 10 };
      }),
    gridProgress: {
      evaluated: maskSmallCount(evaluated),
      axes: progress.map((p) => ({ axis: p.axis, improved: maskSmallCount(p.improved), unchanged: maskSmallCount(p.unchanged), worsened: maskSmallCount(p.worsened) })),
    },
    saisineFields: fieldNames.map((field) => ({
      field,
      shares: shares(
        receivedFacts.flatMap((f) => (f.saisineFields?.[field] !== undefined ? [f.saisineFields[field]] : [])),
        receivedFacts.length,
      ),
    })),
  };
}
