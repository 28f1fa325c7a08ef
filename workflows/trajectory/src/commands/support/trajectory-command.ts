import type { CalendarDate, IdGenerator } from '../../../../../libs/domain/src';
import type { CommandHandler, CommandOutcome } from '../../../../engine/src';
import type { TrajectoryEvent, TrajectoryEventDataMap, TrajectoryEventType } from '../../events';
import type { TrajectoryContext } from '../../trajectory-context';
import type { TrajectoryDeps } from '../../trajectory.workflow';
import type { TrajectoryCommandPayloads, TrajectoryCommandType } from '../command-payloads';
import { PayloadCheck } from './payload-check';

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
 * One command of the trajectory: how to read its payload, which events it may produce, and how it
 * turns into candidate events. State rules are not checked here but by the machine's guards.
 */
export interface TrajectoryCommandSpec<K extends TrajectoryCommandType> {
  readonly produces: readonly TrajectoryEventType[];
  read(c: PayloadCheck): TrajectoryCommandPayloads[K];
  decide(payload: TrajectoryCommandPayloads[K], args: DecideArgs): TrajectoryEvent[] | Refuse;
}

export function event<K extends TrajectoryEventType>(type: K, data: TrajectoryEventDataMap[K]): TrajectoryEvent {
  return { type, data } as TrajectoryEvent;
}

export function invalid(field: string, reason: string, code = 'invalid-payload'): Refuse {
  return { refusal: { code, kind: 'invalid', reason: `${field} ${reason}`, fields: [{ field, reason }] } };
}

export function ruleRefusal(code: string, reason: string): Refuse {
  return { refusal: { code, kind: 'rule', reason } };
}

/** Binds a spec to the installation's programmes and briques, as the engine's CommandHandler. */
export function toHandler<K extends TrajectoryCommandType>(spec: TrajectoryCommandSpec<K>, deps: TrajectoryDeps): CommandHandler<TrajectoryContext> {
  return {
    produces: spec.produces,
    decide: ({ snapshot, payload, occurredAt, ids }): CommandOutcome => {
      const check = new PayloadCheck(payload);
      const read = spec.read(check);
      if (!check.ok) {
        const reason = check.problems.map((p) => `${p.field} ${p.reason}`).join('; ');
        return { refusal: { code: 'invalid-payload', kind: 'invalid', reason, fields: check.problems } };
      }
      const decided = spec.decide(read, { context: snapshot.context, stage: snapshot.stage, occurredAt, ids, deps, workflowVersion: snapshot.workflowVersion });
      return Array.isArray(decided) ? { events: decided } : decided;
    },
  };
}

/** Drops undefined members so event data reads back exactly as written. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
