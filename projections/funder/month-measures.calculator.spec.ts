import { activeInMonth, activeInYear, activeMonths, monthMeasureSettingOf, monthMeasures, monthMeasuresInYear } from './month-measures.calculator';

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

  describe('months of measure (monthBilling: months-of-measure)', () => {
    it('bills a 6-month measure starting on the 20th 6 months, where calendar months bill 7', () => {
      const periods = [{ from: '2026-01-20', to: '2026-07-20' }];
      expect(monthMeasures({ periods }, '2026-12-31', monthMeasureSettingOf('calendar-months'))).toHaveLength(7);
      expect(monthMeasures({ periods }, '2026-12-31', monthMeasureSettingOf('months-of-measure'))).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    });

    it('bills a 3-month measure 3 months whatever day it starts, clamping to the month’s end', () => {
      expect(monthMeasures({ periods: [{ from: '2026-01-31', to: '2026-04-30' }] }, '2026-12-31', monthMeasureSettingOf('months-of-measure'))).toEqual(['2026-01', '2026-02', '2026-03']);
    });

    it('bills no month of measure spent wholly suspended, and none not begun', () => {
      const periods = [
        { from: '2026-01-20', to: '2026-02-25' }, // month 2 (20 Feb - 20 Mar) active 20-24 Feb
        { from: '2026-04-25', to: null }, // month 3 (20 Mar - 20 Apr) suspended throughout; month 4 from 25 Apr
      ];
      expect(monthMeasures({ periods }, '2026-05-10', monthMeasureSettingOf('months-of-measure'))).toEqual(['2026-01', '2026-02', '2026-04']);
    });
  });
});
