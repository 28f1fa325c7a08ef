import { compareCheckpoints, positionOf, START } from './checkpoint';

describe('checkpoints', () => {
  it('compare as (commit, position) integers, not as text', () => {
    expect(compareCheckpoints('10/5', '9/7')).toBe(1);
    expect(compareCheckpoints('9/7', '10/5')).toBe(-1);
    expect(compareCheckpoints('12/3', '12/30')).toBe(-1);
    expect(compareCheckpoints('12/3', '12/3')).toBe(0);
    expect(compareCheckpoints(START, '1/1')).toBe(-1);
  });

  it('read the global position and refuse anything else', () => {
    expect(positionOf('123/456')).toBe(456);
    expect(positionOf(START)).toBe(0);
    expect(() => positionOf('abc')).toThrow(/Not a checkpoint/);
  });
});
