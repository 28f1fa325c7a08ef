import type { CalendarDate, IdGenerator } from '../../../../../libs/domain/src';
import { readPayload, type Bilingual, type CommandHandler, type CommandOutcome, type Infer, type ObjectSchema, type Shape } from '../../../../engine/src';
import type { EventDefinition, EventOf } from '../../events/event-definition';
import type { TrajectoryContext } from '../../trajectory-context';
import type { TrajectoryDeps } from '../../trajectory-deps';

export interface DecideArgs {
  context: TrajectoryContext;
  stage: string;
  occurredAt: CalendarDate;
  ids: IdGenerator;
  deps: TrajectoryDeps;
  /** The machine version deciding (recorded by the first event). */
  workflowVersion: number;
}

export type Refuse = { refusal: { code: string; kind: 'invalid' | 'rule'; reason: string; fields?: { field: string; reason: string }[] } };

/**
 * One command of the trajectory, defined once: its name and texts, its payload schema (from which
 * the payload type, the API's validation, the OpenAPI body and the engine's check all come), the
 * events it may produce and the codes its own decision may refuse with. State rules are not here
 * but in the machine's guards (machine/rules), which name their codes.
 */
export interface TrajectoryCommandDefinition<N extends string = string, S extends Shape = Shape, E extends EventDefinition = EventDefinition> {
  readonly name: N;
  readonly summary: Bilingual;
  readonly description: Bilingual;
  readonly payload: ObjectSchema<S>;
  /** A payload that is valid in the right stage: the OpenAPI example and the web form's sample. */
  readonly example: Infer<ObjectSchema<S>>;
  /** Every event the command may record. */
  readonly produces: readonly E[];
  /** The events whose acceptance offers the command (default: all of `produces`). */
  readonly offeredOn?: readonly E['type'][];
  /** Codes decide() may answer beside invalid-payload (e.g. unknown-programme). */
  readonly refusals?: readonly string[];
  decide(payload: Infer<ObjectSchema<S>>, args: DecideArgs): EventOf<E>[] | Refuse;
}

/** Types a definition: `defineCommand({ name: 'record-point', payload: s.object({...}), ... })`. */
export function defineCommand<const N extends string, S extends Shape, E extends EventDefinition>(
  definition: TrajectoryCommandDefinition<N, S, E>,
): TrajectoryCommandDefinition<N, S, E> {
  return definition;
}

export function event<E extends EventDefinition>(definition: E, data: NonNullable<E['__data']>): EventOf<E> {
  return { type: definition.type, data } as EventOf<E>;
}

export function invalid(field: string, reason: string, code = 'invalid-payload'): Refuse {
  return { refusal: { code, kind: 'invalid', reason: `${field} ${reason}`, fields: [{ field, reason }] } };
}

/** Binds a definition to the installation's programmes and briques, as the engine's CommandHandler. */
export function toHandler(definition: TrajectoryCommandDefinition, deps: TrajectoryDeps): CommandHandler<TrajectoryContext> {
  return {
    produces: definition.offeredOn ?? definition.produces.map((e) => e.type),
    decide: ({ snapshot, payload, occurredAt, ids }): CommandOutcome => {
      const read = readPayload(definition.payload, payload);
      if (!read.ok) {
        const reason = read.problems.map((p) => `${p.field} ${p.reason}`).join('; ');
        return { refusal: { code: 'invalid-payload', kind: 'invalid', reason, fields: read.problems } };
      }
      const decided = definition.decide(read.value, { context: snapshot.context, stage: snapshot.stage, occurredAt, ids, deps, workflowVersion: snapshot.workflowVersion });
      return Array.isArray(decided) ? { events: decided } : decided;
    },
  };
}

/** Drops undefined members so event data reads back exactly as written. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
