import { activeInMonth, activeInYear, activeMonths, monthMeasuresInYear } from './month-measures.calculator';

describe('month-measures (domain §5)', () => {
  it('counts 3 for a measure active 15 January to 3 April with all of February suspended', () => {
    const periods = [
      { from: '2026-01-15', to: '2026-02-01' }, // suspended on 1 February
      { from: '2026-03-01', to: '2026-04-04' }, // resumed 1 March, evaluation from 4 April: 3 April is the last day
    ];
    expect(activeMonths(periods, '2026-12-31')).toEqual(['2026-01', '2026-03', '2026-04']);
    expect(monthMeasuresInYear(periods, 2026, '2026-12-31')).toBe(3);
  });

  it('does not bill the day a measure is suspended: suspended on 1 March, resumed in April', () => {
    const periods = [
      { from: '2026-01-10', to: '2026-03-01' },
      { from: '2026-04-20', to: null },
    ];
    expect(activeMonths(periods, '2026-05-02')).toEqual(['2026-01', '2026-02', '2026-04', '2026-05']);
  });

  it('counts a single active day as a month-measure', () => {
    expect(activeMonths([{ from: '2026-06-30', to: '2026-07-01' }], '2026-12-31')).toEqual(['2026-06']);
  });

  it('counts nothing for a period that ends the day it starts', () => {
    expect(activeMonths([{ from: '2026-06-30', to: '2026-06-30' }], '2026-12-31')).toEqual([]);
  });

  it('stops an open measure at today: months not begun are not billed', () => {
    const periods = [{ from: '2026-11-15', to: null }];
    expect(monthMeasuresInYear(periods, 2026, '2026-12-01')).toBe(2);
    expect(monthMeasuresInYear(periods, 2027, '2026-12-01')).toBe(0);
    expect(monthMeasuresInYear(periods, 2027, '2027-02-28')).toBe(2);
  });

  it('splits a measure across years and counts overlapping periods once per month', () => {
    const periods = [
      { from: '2025-11-20', to: '2026-01-10' },
      { from: '2026-01-05', to: '2026-02-02' },
    ];
    expect(monthMeasuresInYear(periods, 2025, '2026-12-31')).toBe(2);
    expect(monthMeasuresInYear(periods, 2026, '2026-12-31')).toBe(2);
    expect(activeInMonth(periods, '2026-02', '2026-12-31')).toBe(true);
    expect(activeInMonth(periods, '2026-03', '2026-12-31')).toBe(false);
    expect(activeInYear(periods, 2027, '2027-12-31')).toBe(false);
  });

  it('ignores a future start date relative to today', () => {
    expect(activeMonths([{ from: '2026-05-01', to: null }], '2026-04-30')).toEqual([]);
  });
});
