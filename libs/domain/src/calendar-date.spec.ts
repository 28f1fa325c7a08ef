import { addDays, addMonths, daysBetween, isCalendarDate, parisDate, parisDayStart } from './calendar-date';

describe('calendar dates', () => {
  it('clamps to the end of the month when adding months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days across a daylight-saving change without drift', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('reads the Paris date of an instant, not the UTC one', () => {
    expect(parisDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(parisDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(parisDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('keeps answering right around midnight in Paris while it reuses the last minute (summer and winter offsets)', () => {
    expect(parisDate(new Date('2026-06-30T21:59:00.000Z'))).toBe('2026-06-30');
    expect(parisDate(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(parisDate(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
    expect(parisDate(new Date('2026-06-30T22:00:59.999Z'))).toBe('2026-07-01');
    expect(parisDate(new Date('2026-01-15T22:59:59.999Z'))).toBe('2026-01-15');
    expect(parisDate(new Date('2026-01-15T23:00:00.000Z'))).toBe('2026-01-16');
    expect(parisDate(new Date('2026-06-30T21:59:30.000Z'))).toBe('2026-06-30');
    expect(() => parisDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => parisDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('accepts only real dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });
});

describe('parisDayStart', () => {
  it('is midnight in Paris, in winter and in summer time, and on the days the clocks change', () => {
    expect(parisDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(parisDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(parisDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(() => parisDayStart('2026-02-30')).toThrow();
  });
});
