import { computeYearlyReport } from './report.calculator';
import { CONVENTION, factsOf, journey } from './testing/funder-fixtures';

function accompanied(i: number, composition: 'single-parent' | 'single', end: 'housed' | 'abandoned', startsOn: string, endsOn: string) {
  const j = journey({ householdId: `h-${i}` })
    .saisine('2026-01-05')
    .firstContact('2026-01-06')
    .grid('2026-01-07', 'needs-support')
    .conclude('2026-01-08')
    .measureStarted(startsOn, '2026-12-31')
    .brique(startsOn, i % 2 === 0 ? '2.1' : '2.5')
    .startEvaluation(endsOn, '2026-12-31')
    .finalEvaluation(endsOn, end, end === 'housed' ? 'acquired' : 'needs-support')
    .close(endsOn, end);
  const facts = factsOf(j.recorded());
  return { ...facts, profile: { ...facts.profile, composition } };
}

describe('yearly report (domain §7)', () => {
  // Six single-parent households housed after 90 days; one single household abandoned after 30.
  const facts = [
    ...Array.from({ length: 6 }, (_, i) => accompanied(i, 'single-parent', 'housed', '2026-02-01', '2026-05-02')),
    accompanied(6, 'single', 'abandoned', '2026-03-01', '2026-03-31'),
  ];
  const report = computeYearlyReport(CONVENTION, facts, 2026, '2026-12-31');

  it('counts households received, diagnosed and accompanied, and their outcomes, masking counts under 5', () => {
    expect(report.households).toEqual({ received: 7, diagnosed: 7, accompanied: 7, population: 7 });
    expect(report.outcomes).toEqual({ housed: 6, maintained: 0, abandoned: '<5' });
  });

  it('averages the duration of measures ended in the year', () => {
    expect(report.averageDuration).toEqual({ measures: 7, days: Math.round(((6 * 90 + 30) / 7) * 10) / 10, months: Math.round(((6 * 90 + 30) / 7 / 30.4375) * 10) / 10 });
  });

  it('gives profile shares and brique shares with masked small categories and no percent for them', () => {
    expect(report.profile.composition).toEqual([
      { category: 'single', count: '<5', percent: null },
      { category: 'single-parent', count: 6, percent: 85.7 },
    ]);
    expect(report.profile.gender).toEqual([{ category: 'female', count: 7, percent: 100 }]);
    expect(report.briques).toEqual([
      { category: '2.1', count: '<5', percent: null },
      { category: '2.5', count: '<5', percent: null },
    ]);
  });

  it('shows grid progress between diagnostic and final evaluation per axis', () => {
    expect(report.gridProgress.evaluated).toBe(7);
    expect(report.gridProgress.axes[0]).toEqual({ axis: 'pouvoir-louer', improved: 6, unchanged: '<5', worsened: 0 });
  });

  it('masks the average when fewer than 5 measures ended', () => {
    const small = computeYearlyReport(CONVENTION, facts.slice(0, 3), 2026, '2026-12-31');
    expect(small.averageDuration).toEqual({ measures: '<5', days: null, months: null });
    expect(small.households.received).toBe('<5');
  });
});
