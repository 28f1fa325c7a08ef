import fc from 'fast-check';
import { deepFreeze, frozenPlainData, plainData } from './plain-data';

/** Values a context or event data may hold, with what JSON drops or changes mixed in. */
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(-0),
  fc.date({ noInvalidDate: true }),
  fc.constant(() => 1),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('tree'), { maxKeys: 5 })),
}));

function everyObjectFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(everyObjectFrozen);
}

describe('plainData', () => {
  it('gives exactly what a JSON round trip gives', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), tree), (value) => {
        const expected: unknown = JSON.parse(JSON.stringify(value));
        expect(plainData(value)).toStrictEqual(expected);
        expect(frozenPlainData(value)).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('copies, and the frozen copy is frozen all the way down while the source stays as it was', () => {
    const source = { a: [{ b: 1, gone: undefined }], c: { d: 'x' } };
    const copy = frozenPlainData(source);
    expect(copy).toStrictEqual({ a: [{ b: 1 }], c: { d: 'x' } });
    expect(everyObjectFrozen(copy)).toBe(true);
    expect(Object.isFrozen(source.a)).toBe(false);
    expect(plainData(source).a).not.toBe(source.a);
    expect(Object.isFrozen(plainData(source).c)).toBe(false);
    expect(everyObjectFrozen(deepFreeze({ x: [{ y: {} }] }))).toBe(true);
  });

  it('shares the parts that are already its own frozen copies (what assign kept of the previous context), and copies the rest', () => {
    const previous = frozenPlainData({ points: [{ on: '2026-01-05' }], household: { size: 2 } });
    const next = { ...previous, points: [...previous.points, { on: '2026-02-05', note: undefined }] };
    const copy = frozenPlainData(next);
    expect(copy).toStrictEqual({ points: [{ on: '2026-01-05' }, { on: '2026-02-05' }], household: { size: 2 } });
    expect(copy.household).toBe(previous.household);
    expect(copy.points[0]).toBe(previous.points[0]);
    expect(copy.points).not.toBe(previous.points);
    expect(everyObjectFrozen(copy)).toBe(true);
    // Frozen by someone else is not enough: only what this copy built is known to be plain JSON.
    const foreign = Object.freeze({ kept: undefined, n: -0 });
    const copied = frozenPlainData({ foreign });
    expect(copied.foreign).not.toBe(foreign);
    expect(copied).toStrictEqual({ foreign: { n: 0 } });
  });
});
