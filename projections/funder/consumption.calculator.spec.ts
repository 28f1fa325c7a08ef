import { computeConsumption } from './consumption.calculator';
import { computeDashboard } from './dashboard.calculator';
import { CONVENTION, factsOf, scenario } from './testing/funder-fixtures';

const TODAY = '2026-06-15';

describe('convention consumption (domain §5)', () => {
  const { t1, t2, t3, t4 } = scenario();
  // The query layer picks the trajectories (t5 belongs elsewhere); the calculator prices them.
  const facts = [t1, t2, t3, t4].map((j) => factsOf(j.recorded()));

  it('prices diagnostics, month-measures and measures of the year, against the cap, split between funders', () => {
    const c = computeConsumption(CONVENTION, facts, 2026, TODAY);
    expect(c.lines.map((l) => [l.kind, l.scale, l.quantity, l.unitPriceCents, l.amountCents])).toEqual([
      ['diagnostic', null, 3, 15000, 45000], // t1 (Jan), t2 (Feb), t4 (Mar); t3's was in 2025
      ['month-measure', null, 9, 19000, 171000], // t1: Jan, Mar, Apr; t3: Jan-Jun
      ['measure', 'standard', 1, 50000, 50000], // t1 started in 2026 (t3 in 2025)
      ['measure', 'renforce', 0, 80000, 0],
      ['dwelling-year', null, 2, 0, 0], // t1 and t3 active in 2026; no price on this convention
    ]);
    expect(c).toMatchObject({ totalCents: 266000, capCents: 4000000, remainingCents: 3734000, usedPercent: 6.7, overCap: false, asOf: TODAY });
    expect(c.funderShares).toEqual([
      { funder: 'departement-x', share: 0.6, amountCents: 159600 },
      { funder: 'caf-x', share: 0.4, amountCents: 106400 },
    ]);
  });

  it('counts 2025 separately and never bills months that have not begun', () => {
    const c2025 = computeConsumption(CONVENTION, facts, 2025, TODAY);
    expect(c2025.lines.filter((l) => l.quantity > 0).map((l) => [l.kind, l.quantity])).toEqual([
      ['diagnostic', 1],
      ['month-measure', 1],
      ['measure', 1],
      ['dwelling-year', 1],
    ]);
    const early = computeConsumption(CONVENTION, facts, 2026, '2026-02-10');
    expect(early.lines.find((l) => l.kind === 'month-measure')?.quantity).toBe(3); // t1 Jan, t3 Jan + Feb
  });

  it('flags a convention over its cap', () => {
    const c = computeConsumption({ ...CONVENTION, yearlyCapCents: 200000 }, facts, 2026, TODAY);
    expect(c).toMatchObject({ capCents: 200000, remainingCents: -66000, overCap: true, usedPercent: 133 });
  });

  it('builds the monthly dashboard: received, diagnostics, active measures, month-measures, closures, amounts', () => {
    const march = computeDashboard(CONVENTION, facts, '2026-03', TODAY);
    expect(march).toMatchObject({
      saisinesReceived: 1,
      diagnosticsStarted: 1,
      diagnosticsConcluded: 1,
      measuresActive: 2,
      monthMeasures: 2,
      closuresByEndReason: {},
      amountThisMonthCents: 15000 + 2 * 19000,
    });
    // January to March: 3 diagnostics, 5 month-measures (Jan 2, Feb 1, Mar 2), t1's measure.
    expect(march.yearToDate).toMatchObject({ totalCents: 3 * 15000 + 5 * 19000 + 50000, capCents: 4000000 });
    const february = computeDashboard(CONVENTION, facts, '2026-02', TODAY);
    expect(february).toMatchObject({ measuresActive: 2, monthMeasures: 1, closuresByEndReason: { autonomous: 1 }, saisinesReceived: 1 });
  });
});
