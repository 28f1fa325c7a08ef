import type { AnyStateMachine, StateValue } from 'xstate';
import type { CalendarDate, IdGenerator } from '../../../libs/domain/src';
import type { DomainEvent, MachineEvent } from './domain-event';
import type { RuleBook } from './rule';
import type { UpcasterRegistry } from './upcaster';
import type { WorkflowSnapshot } from './workflow-snapshot';

/** What a command handler hands back: the candidate events, or why the input itself is wrong. */
export type CommandOutcome =
  | { events: DomainEvent[] }
  | { refusal: { code: string; kind: 'invalid' | 'rule'; reason: string; fields?: { field: string; reason: string }[] } };

export interface CommandInput<TContext> {
  /** The stream as folded so far (version 0 and the initial state for a new stream). */
  snapshot: WorkflowSnapshot<TContext>;
  payload: unknown;
  /** Business date of the command, already checked (a calendar date, not in the future). */
  occurredAt: CalendarDate;
  /** Ids come from outside like time does, so handlers stay pure. */
  ids: IdGenerator;
}

/**
 * Turns one command into candidate domain events. It validates the payload's shape and fills in
 * derived facts (e.g. the measure's end date); the state rules are the machine's guards, which the
 * engine checks by feeding the candidates through XState's pure transition.
 */
export interface CommandHandler<TContext> {
  /** Event types this command may produce: it is offered when the current state handles one of them. */
  readonly produces: readonly string[];
  decide(input: CommandInput<TContext>): CommandOutcome;
}

/** One immutable version of a workflow. A new version is registered beside the old one, never edited. */
export interface WorkflowDefinition<TContext = unknown> {
  /** Machine id and stream family, e.g. 'trajectory'. */
  readonly name: string;
  readonly version: number;
  readonly machine: AnyStateMachine;
  readonly commands: Readonly<Record<string, CommandHandler<TContext>>>;
  /** Guard name -> rules, so a refusal names the failing rule. */
  readonly rules: RuleBook<TContext, MachineEvent>;
  /** Commands that may open a new stream (e.g. receive-saisine). */
  readonly creationCommands: readonly string[];
  readonly upcasters?: UpcasterRegistry;
  /** Business stage of a state value, e.g. { open: { briques: 'active' } } -> 'briques'. */
  stageOf(value: StateValue, context: TContext): string;
  /** Date the instance opened; commands may not be dated before it. */
  openedOn(context: TContext): CalendarDate | undefined;
  /** Code when a finished instance receives a command, e.g. 'trajectory-closed'. */
  readonly closedCode?: string;
  /**
   * Metadata every event of the instance carries, read from the context once the event is applied
   * (so the opening event already has it): e.g. the household a trajectory's personal data is
   * encrypted for. Plain strings only: it is hashed with the event.
   */
  eventMetadata?(context: TContext): Readonly<Record<string, string>>;
}
