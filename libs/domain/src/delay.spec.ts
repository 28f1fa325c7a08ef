import { addDelay, delayProblem, describeDelay } from './delay';

describe('delays in days, weeks or calendar months', () => {
  it('adds calendar months clamped to the month’s end, not 30-day months', () => {
    expect(addDelay('2026-12-31', { months: 2 })).toBe('2027-02-28');
    expect(addDelay('2027-12-31', { months: 2 })).toBe('2028-02-29');
    expect(addDelay('2026-01-15', { months: 2 })).toBe('2026-03-15');
    expect(addDelay('2026-01-31', { months: 1 }, 3)).toBe('2026-04-30');
  });
  it('adds days and weeks', () => {
    expect(addDelay('2026-02-25', { days: 5 })).toBe('2026-03-02');
    expect(addDelay('2026-12-28', { weeks: 1 })).toBe('2027-01-04');
    expect(addDelay('2026-01-01', { weeks: 1 }, 4)).toBe('2026-01-29');
  });
  it('says what is wrong with a delay read from JSON', () => {
    expect(delayProblem({ months: 2 })).toBeUndefined();
    expect(delayProblem(60)).toBe('must be an object { days }, { weeks } or { months }');
    expect(delayProblem({ months: 2, days: 3 })).toBe('must have exactly one of days, weeks, months');
    expect(delayProblem({ weeks: 1.5 })).toBe('weeks must be a positive whole number');
    expect(describeDelay({ months: 2 })).toBe('2 months');
    expect(describeDelay({ weeks: 1 })).toBe('1 week');
  });
});
