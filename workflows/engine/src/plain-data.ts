/**
 * Event data as it will read back from the store: JSON, without undefined members. Feeding the
 * machine exactly this keeps the live snapshot equal to a replayed one.
 */
export function plainData<T>(value: T): T {
  return copyAsJson(value, false) as T;
}

/**
 * The same copy, deep-frozen as it is built: the one copy of a snapshot's context, which the cache
 * then keeps and hands out as it is (deepFreeze finds it frozen and stops at the root). A part that
 * is itself such a copy (XState's assign keeps the members it does not change, so most of the
 * previous context) is plain and immutable already: it is kept as it is rather than copied again,
 * so the copy costs what the event changed, not the size of the context.
 */
export function frozenPlainData<T>(value: T): T {
  return copyAsJson(value, true) as T;
}

/** Every object frozenPlainData built: plain JSON and frozen all the way down. */
const frozenCopies = new WeakSet<object>();

/**
 * Freezes a plain value in place, all the way down. A frozen snapshot can be handed out by a cache
 * and shared by the runner and the machine without a copy: XState's assign builds new objects, and
 * anything that tried to change a shared one would throw instead of corrupting the cache.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const member of Object.values(value as Record<string, unknown>)) deepFreeze(member);
  return value;
}

const dropped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * What JSON.parse(JSON.stringify(value)) gives, in one walk instead of printing and parsing text
 * (the largest part of a command's own CPU time): undefined, function and symbol members dropped
 * (null in arrays), non-finite numbers as null, -0 as 0; anything with toJSON (a Date) goes through JSON.
 */
function copyAsJson(value: unknown, freeze: boolean): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'number') return value;
    return Number.isFinite(value) ? value + 0 : null; // + 0: -0 prints as 0
  }
  if (freeze && frozenCopies.has(value)) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const viaJson: unknown = JSON.parse(JSON.stringify(value));
    return freeze ? deepFreeze(viaJson) : viaJson;
  }
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    copy = value.map((item: unknown) => (dropped(item) ? null : copyAsJson(item, freeze)));
  } else {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (!dropped(member)) object[key] = copyAsJson(member, freeze);
    }
    copy = object;
  }
  if (!freeze) return copy;
  frozenCopies.add(copy);
  return Object.freeze(copy);
}
