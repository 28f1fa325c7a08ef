import fc from 'fast-check';
import { canonicalJson, NotJsonError } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys, drops whitespace and undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, y: -1.5 } })).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":-1.5,"z":0}}');
  });

  it('gives the same text for values that jsonb hands back differently shaped', () => {
    // jsonb reorders keys and rewrites numbers; the canonical text depends on values only.
    expect(canonicalJson(JSON.parse('{"n":1.0e2,"m":1E-7,"k":-0}'))).toBe(canonicalJson({ k: 0, m: 0.0000001, n: 100 }));
  });

  it('is stable under a JSON round trip, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('uses toJSON like JSON.stringify (dates become ISO strings)', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });

  it.each([
    ['undefined', undefined, '$'],
    ['a function', { a: { f: () => 1 } }, '$.a.f'],
    ['a symbol', [Symbol('s')], '$[0]'],
    ['a BigInt', { n: 1n }, '$.n'],
    ['NaN', { x: NaN }, '$.x'],
    ['-Infinity', [1, -Infinity], '$[1]'],
    ['undefined in an array', [undefined], '$[0]'],
    ['NUL in a string', { s: 'a\u0000' }, '$.s'],
    ['NUL in a key', { 'a\u0000': 1 }, '$.a\u0000'],
    ['a lone high surrogate', 'x\ud83d', '$'],
    ['a lone low surrogate', 'x\ude00y', '$'],
    ['a Set', { s: new Set([1]) }, '$.s'],
    ['a class instance', { c: new (class Money { amount = 1; })() }, '$.c'],
  ])('refuses %s and names where', (_label, value, path) => {
    let error: unknown;
    try {
      canonicalJson(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotJsonError);
    expect((error as NotJsonError).path).toBe(path);
  });

  it('refuses cycles but accepts shared references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cycle: Record<string, unknown> = {};
    cycle.me = [cycle];
    expect(() => canonicalJson(cycle)).toThrow(/circular/);
  });

  it('accepts emoji (surrogate pairs) and refuses absurd nesting cleanly', () => {
    expect(canonicalJson('😀')).toBe('"😀"');
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(NotJsonError);
  });
});
