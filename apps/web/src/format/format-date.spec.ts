import { formatDate, formatEurosFromCents, formatInstant } from './format-date';

describe('French formats', () => {
  it('writes a business date as dd/mm/yyyy', () => {
    expect(formatDate('2026-01-31')).toBe('31/01/2026');
    expect(formatDate(undefined)).toBe('—');
  });

  it('shows an instant in Paris time (winter UTC+1, summer UTC+2)', () => {
    expect(formatInstant('2026-01-05T09:30:00Z')).toBe('05/01/2026 10:30');
    expect(formatInstant('2026-07-05T22:30:00Z')).toBe('06/07/2026 00:30');
  });

  it('writes amounts in euros the French way', () => {
    expect(formatEurosFromCents(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
  });
});
