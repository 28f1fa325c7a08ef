/**
 * Event data as it will read back from the store: JSON, without undefined members. Feeding the
 * machine exactly this keeps the live snapshot equal to a replayed one.
 */
export function plainData<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}
