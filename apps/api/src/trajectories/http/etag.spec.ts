import { HttpProblem } from '../../problem-details/http-problem';
import { etagOf, expectedVersionFrom, matchesIfNoneMatch } from './etag';

describe('ETag and If-Match', () => {
  it('uses the stream version as a strong ETag', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it('reads If-Match as the version the client decided on', () => {
    expect(expectedVersionFrom('"7"')).toBe(7);
    expect(expectedVersionFrom(' "12" ')).toBe(12);
    expect(expectedVersionFrom(undefined)).toBeUndefined();
    expect(expectedVersionFrom('*')).toBeUndefined();
  });

  it.each(['7', 'W/"7"', '"7", "8"', '"-1"', '"abc"', '"1234567890"'])('refuses If-Match %s', (value) => {
    expect(() => expectedVersionFrom(value)).toThrow(HttpProblem);
  });

  it('compares If-None-Match weakly, with lists and *', () => {
    expect(matchesIfNoneMatch('"3"', 3)).toBe(true);
    expect(matchesIfNoneMatch('W/"3"', 3)).toBe(true);
    expect(matchesIfNoneMatch('"1", "3"', 3)).toBe(true);
    expect(matchesIfNoneMatch('*', 3)).toBe(true);
    expect(matchesIfNoneMatch('"2"', 3)).toBe(false);
    expect(matchesIfNoneMatch(undefined, 3)).toBe(false);
  });
});
