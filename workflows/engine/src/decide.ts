import { parisDate, type Actor, type CalendarDate, type Clock, type IdGenerator } from '../../../libs/domain/src';
import { allowedFromMachine } from './allowed-commands';
import { withLazyAllowedCommands } from './lazy-allowed-commands';
import type { MachineEvent } from './domain-event';
import type { EventMetadata, NewEvent } from './event-envelope';
import { explainRefusal } from './explain';
import { accepts, machineSnapshotOf, nextMachineSnapshot, toWorkflowSnapshot } from './machine-state';
import { DEFAULT_EARLIEST_OCCURRED_AT, toCalendarDate } from './occurred-at';
import { plainData } from './plain-data';
import type { Refusal } from './refusal';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowSnapshot } from './workflow-snapshot';

export interface Command {
  /** kebab-case command name, e.g. 'record-point'. */
  type: string;
  payload?: unknown;
}

export interface CommandMeta {
  actor: Actor;
  /** Business date: 'YYYY-MM-DD' or an ISO instant (read as its Paris calendar date). */
  occurredAt: string;
  correlationId?: string;
  causationId?: string;
}

export interface DecideDeps {
  clock: Clock;
  ids: IdGenerator;
  /** Business dates before this are refused (default DEFAULT_EARLIEST_OCCURRED_AT). */
  earliestOccurredAt?: CalendarDate;
}

export type Decision<C> =
  | { accepted: true; events: NewEvent[]; snapshot: WorkflowSnapshot<C>; allowedCommands: string[] }
  | { accepted: false; refusal: Refusal };

/** Every event type starts at schema version 1; a later shape comes with an upcaster, which moves the writer on. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * decide(snapshot, command) -> events or a refusal. Pure apart from the injected clock (to refuse
 * future dates and to date the allowed commands of an answer) and id generator (only to name the
 * new events): nothing is written here.
 */
export function decide<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>, command: Command, meta: CommandMeta, deps: DecideDeps): Decision<C> {
  // The one resolution of the XState state for this command: the transitions below start from it.
  let machineSnapshot = machineSnapshotOf(definition, snapshot);
  const today = parisDate(deps.clock.now());
  // A refusal lists what the trajectory accepted on the command's date (today when the date is unusable).
  let askedOn = today;
  const before = machineSnapshot;
  let allowed: string[] | undefined;
  const allowedBefore = (): string[] => (allowed ??= allowedFromMachine(definition, before, askedOn));
  const refuse = (code: string, reason: string, kind: Refusal['kind'], fields?: Refusal['fields']): Decision<C> => ({
    accepted: false,
    refusal: { code, kind, stage: snapshot.stage, reason, allowedCommands: allowedBefore(), ...(fields ? { fields } : {}) },
  });

  const handler = Object.prototype.hasOwnProperty.call(definition.commands, command.type) ? definition.commands[command.type] : undefined;
  if (!handler) return refuse('unknown-command', `There is no command "${command.type}".`, 'invalid', [{ field: 'command', reason: 'unknown command' }]);
  if (snapshot.status === 'done') {
    return refuse(definition.closedCode ?? `${definition.name}-closed`, `This ${definition.name} is closed: nothing more can be recorded on it.`, 'rule');
  }

  const occurredAt = toCalendarDate(meta.occurredAt);
  if (!occurredAt) {
    return refuse('invalid-occurred-at', 'The date of what happened must be a calendar date (YYYY-MM-DD).', 'invalid', [
      { field: 'occurredAt', reason: 'not a YYYY-MM-DD date or ISO instant' },
    ]);
  }
  const earliest = deps.earliestOccurredAt ?? DEFAULT_EARLIEST_OCCURRED_AT;
  if (occurredAt < earliest) {
    return refuse('occurred-before-minimum', `The date ${occurredAt} is before ${earliest}, the earliest date this service records.`, 'invalid', [
      { field: 'occurredAt', reason: `before ${earliest}` },
    ]);
  }
  if (occurredAt > today) {
    return refuse('occurred-in-future', `The date ${occurredAt} is in the future (today is ${today}): record things once they have happened.`, 'invalid', [
      { field: 'occurredAt', reason: 'after today in Europe/Paris' },
    ]);
  }
  const openedOn = definition.openedOn(snapshot.context);
  if (openedOn && occurredAt < openedOn) {
    return refuse('occurred-before-opening', `The date ${occurredAt} is before the ${definition.name} was opened on ${openedOn}.`, 'invalid', [
      { field: 'occurredAt', reason: `before ${openedOn}` },
    ]);
  }

  askedOn = occurredAt;
  const outcome = handler.decide({ snapshot, payload: command.payload ?? {}, occurredAt, ids: deps.ids });
  if ('refusal' in outcome) return refuse(outcome.refusal.code, outcome.refusal.reason, outcome.refusal.kind, outcome.refusal.fields);

  const events: NewEvent[] = [];
  for (const candidate of outcome.events) {
    const data = plainData(candidate.data);
    const machineEvent: MachineEvent = { type: candidate.type, data, occurredAt };
    if (!accepts(machineSnapshot, machineEvent)) {
      const why = explainRefusal(definition, machineSnapshot, machineEvent, command.type, snapshot.stage, allowedBefore());
      return refuse(why.code, why.reason, 'rule');
    }
    machineSnapshot = nextMachineSnapshot(definition.machine, machineSnapshot, machineEvent);
    events.push({
      id: deps.ids.next(),
      type: candidate.type,
      schemaVersion: definition.upcasters?.currentSchemaVersion(candidate.type, CURRENT_SCHEMA_VERSION) ?? CURRENT_SCHEMA_VERSION,
      data,
      metadata: { ...definition.eventMetadata?.(machineSnapshot.context as C), ...metadataFor(definition.version, occurredAt, meta) },
    });
  }
  const next = toWorkflowSnapshot(definition, machineSnapshot, snapshot.version + events.length);
  const after = machineSnapshot;
  // What a screen offers next: the commands accepted today, computed when the answer reads them.
  return withLazyAllowedCommands({ accepted: true as const, events, snapshot: next }, () => allowedFromMachine(definition, after, today));
}

function metadataFor(workflowVersion: number, occurredAt: string, meta: CommandMeta): EventMetadata {
  // No undefined values: the store hashes canonical JSON, and absent must mean absent.
  const metadata: EventMetadata = { actor: { id: meta.actor.id, role: meta.actor.role }, occurredAt, workflowVersion };
  if (meta.correlationId !== undefined) metadata.correlationId = meta.correlationId;
  if (meta.causationId !== undefined) metadata.causationId = meta.causationId;
  return metadata;
}
