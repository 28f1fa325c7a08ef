/**
 * A trajectory event type: its stable past-tense name and, for the compiler only, its data. The
 * commands list the events they produce, and the event types of the trajectory are derived from
 * those lists (events/index.ts), so an event is declared once, in its own file.
 */
export interface EventDefinition<K extends string = string, D = unknown> {
  readonly type: K;
  /** Phantom member: only the compiler reads it. */
  readonly __data?: D;
}

export function defineEvent<D>() {
  return <const K extends string>(type: K): EventDefinition<K, D> => ({ type });
}

export type EventOf<E> = E extends EventDefinition<infer K, infer D> ? { type: K; data: D } : never;
