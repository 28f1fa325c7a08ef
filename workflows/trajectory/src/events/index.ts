/**
 * Every trajectory event: stable past-tense type strings, never renamed. Each event's data keeps
 * identifying and free-text fields in `data.personal` only (architecture §2, domain.md §8).
 *
 * Nothing is listed here: an event is declared in its file (events/*.event.ts) and listed by the
 * command that produces it, and the types below are derived from the commands' definitions.
 */
import { TRAJECTORY_COMMAND_DEFINITIONS, type ProducedEventDefinition } from '../commands/trajectory-commands';
import type { EventDefinition } from './event-definition';

export type { EventDefinition, EventOf } from './event-definition';

type DataOf<E> = E extends EventDefinition<string, infer D> ? D : never;

export type TrajectoryEventDataMap = { [E in ProducedEventDefinition as E['type']]: DataOf<E> };

export type TrajectoryEventType = keyof TrajectoryEventDataMap;

export const TRAJECTORY_EVENT_TYPES: readonly TrajectoryEventType[] = [
  ...new Set(TRAJECTORY_COMMAND_DEFINITIONS.flatMap((d) => d.produces.map((e): TrajectoryEventType => e.type))),
];

/** Current schema version of every trajectory event type; a change comes with an upcaster. */
export const TRAJECTORY_EVENT_SCHEMA_VERSION = 1;

/** A trajectory event as a discriminated union on `type`. */
export type TrajectoryEvent = { [K in TrajectoryEventType]: { type: K; data: TrajectoryEventDataMap[K] } }[TrajectoryEventType];

/** What the machine receives: the event plus its business date from the envelope. */
export type TrajectoryMachineEvent = { [K in TrajectoryEventType]: { type: K; data: TrajectoryEventDataMap[K]; occurredAt: string } }[TrajectoryEventType];
