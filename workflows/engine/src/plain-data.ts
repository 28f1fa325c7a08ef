/**
 * Event data as it will read back from the store: JSON, without undefined members. Feeding the
 * machine exactly this keeps the live snapshot equal to a replayed one.
 */
export function plainData<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

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
