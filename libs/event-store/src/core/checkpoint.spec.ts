import { compareCheckpoints, formatCheckpoint, parseCheckpoint } from './checkpoint';
import { EventStoreValidationError } from '../event-store.errors';

describe('checkpoints', () => {
  it('compare as numbers, transaction first', () => {
    expect(compareCheckpoints('993/600', '1000/1')).toBeLessThan(0);
    expect(compareCheckpoints('10/2', '10/10')).toBeLessThan(0);
    expect(compareCheckpoints('18446744073709551615/1', '18446744073709551614/9')).toBeGreaterThan(0);
    expect(compareCheckpoints('5/5', '5/5')).toBe(0);
    expect(formatCheckpoint(7n, 8)).toBe('7/8');
  });

  it.each(['', '1', '1/', '/1', '-1/2', '1/2/3', '1.5/2', 'a/b', '18446744073709551616/0'])('refuses %j', (text) => {
    expect(() => parseCheckpoint(text)).toThrow(EventStoreValidationError);
  });
});
