import { formatCount, formatPercent, formatShare } from './format-figures';

describe('figures in French', () => {
  it('shows the masked count exactly as the API sends it, and numbers the French way', () => {
    expect(formatCount('<5')).toBe('<5');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234).replace(/\s/g, ' ')).toBe('1 234');
    expect(formatCount(null)).toBe('—');
  });
  it('writes percents with a comma and shares as percents', () => {
    expect(formatPercent(35.3)).toBe('35,3 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatShare(0.6)).toBe('60 %');
  });
});
