import type { AnyStateMachine } from 'xstate';
import { guardName, readPayload, s, type Bilingual, type FieldProblem, type JsonSchema, type ObjectSchema, type Shape } from '../../../engine/src';
import { createTrajectoryMachine } from '../machine/trajectory.machine';
import { trajectoryRulesV1, type TrajectoryRuleBook } from '../machine/trajectory-rules.v1';
import { trajectoryRulesV2 } from '../machine/trajectory-rules.v2';
import type { TrajectoryCommandDefinition } from './support/trajectory-command';
import { OPENING_COMMAND, TRAJECTORY_COMMAND_DEFINITIONS } from './trajectory-commands';

/** What a client sends: the payload and the date it happened. */
const occurredAt = s.calendarDate({
  label: { fr: 'Date', en: 'Date' },
  description: 'Business date it happened (YYYY-MM-DD, Europe/Paris): not in the future, not before the trajectory opened.',
  example: '2026-03-02',
});

type Body = ObjectSchema<Shape>;
const BODIES = new Map<string, Body>();

/** The request body of a command: its payload plus `occurredAt`, validated in one pass so one answer lists every wrong field. */
export function commandBodySchema(definition: TrajectoryCommandDefinition): Body {
  let body = BODIES.get(definition.name);
  if (!body) {
    body = s.object({ occurredAt, ...definition.payload.shape }, { label: definition.summary, description: definition.description.en });
    BODIES.set(definition.name, body);
  }
  return body;
}

export type CommandBody = { ok: true; occurredAt: string; payload: Record<string, unknown> } | { ok: false; problems: FieldProblem[] };

export function readCommandBody(definition: TrajectoryCommandDefinition, body: unknown): CommandBody {
  const read = readPayload(commandBodySchema(definition), body);
  if (!read.ok) return read;
  const { occurredAt: date, ...payload } = read.value as { occurredAt: string } & Record<string, unknown>;
  return { ok: true, occurredAt: date, payload };
}

/** A command as clients see it (GET /commands): enough to build its form and explain its answers. */
export interface CommandDescription {
  name: string;
  labels: Bilingual;
  descriptions: Bilingual;
  /** True for the command that opens a trajectory (POST /trajectories); the others are POST /trajectories/{id}/commands/{name}. */
  opensTrajectory: boolean;
  /** JSON Schema (draft-07, the subset OpenAPI 3.0 shares) of the request body; `x-labels` holds each field's French and English label. */
  schema: JsonSchema;
  examples: Record<string, unknown>[];
  events: string[];
  /** Every refusal code the engine may answer for it: input and date checks, the command's own, and its rules in every machine version. */
  refusals: string[];
}

/** Refusals any command may meet, whatever it is (engine/decide.ts). */
const COMMON_REFUSALS = ['invalid-payload', 'occurred-in-future', 'occurred-before-opening', 'command-not-allowed', 'trajectory-closed'];

const RULE_BOOKS: readonly [number, TrajectoryRuleBook][] = [
  [1, trajectoryRulesV1],
  [2, trajectoryRulesV2],
];

interface StateNodeLike {
  transitions: Map<string, { guard?: unknown }[]>;
  states: Record<string, StateNodeLike>;
}

/** Rule codes of the guards on the transitions for each event type, walking every state of the machine. */
function ruleCodesByEvent(machine: AnyStateMachine, rules: TrajectoryRuleBook, into: Map<string, Set<string>>): void {
  const visit = (node: StateNodeLike) => {
    for (const [eventType, transitions] of node.transitions) {
      for (const transition of transitions) {
        const name = guardName(transition as never);
        for (const rule of (name && (rules as Readonly<Record<string, TrajectoryRuleBook[keyof TrajectoryRuleBook]>>)[name]) || []) {
          if (rule.route) continue;
          if (!into.has(eventType)) into.set(eventType, new Set());
          into.get(eventType)!.add(rule.code);
        }
      }
    }
    Object.values(node.states).forEach(visit);
  };
  visit(machine.root as unknown as StateNodeLike);
}

let descriptions: CommandDescription[] | undefined;

export function describeTrajectoryCommands(): CommandDescription[] {
  if (descriptions) return descriptions;
  const byEvent = new Map<string, Set<string>>();
  for (const [version, rules] of RULE_BOOKS) ruleCodesByEvent(createTrajectoryMachine(version, rules), rules, byEvent);
  descriptions = TRAJECTORY_COMMAND_DEFINITIONS.map((d) => {
    const definition = d as TrajectoryCommandDefinition;
    const events = definition.produces.map((e) => e.type);
    const ruleCodes = events.flatMap((e) => [...(byEvent.get(e) ?? [])]);
    return {
      name: definition.name,
      labels: definition.summary,
      descriptions: definition.description,
      opensTrajectory: definition.name === OPENING_COMMAND,
      schema: commandBodySchema(definition).json,
      examples: [{ occurredAt: '2026-03-02', ...definition.example }],
      events,
      refusals: [...new Set([...COMMON_REFUSALS, ...(definition.refusals ?? []), ...ruleCodes])],
    };
  });
  return descriptions;
}

export function describeTrajectoryCommand(name: string): CommandDescription | undefined {
  return describeTrajectoryCommands().find((d) => d.name === name);
}
