import type { AnyMachineSnapshot } from 'xstate';
import { isCalendarDate, parisDate, type CalendarDate } from '../../../libs/domain/src';
import type { MachineEvent } from './domain-event';
import type { RecordedEvent } from './event-envelope';
import { accepts, initialSnapshot, machineSnapshotOf, nextMachineSnapshot, toWorkflowSnapshot } from './machine-state';
import { ReplayFailed } from './refusal';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowSnapshot } from './workflow-snapshot';

/**
 * The business date of a stored event. Only metadata is read, never the clock: replay is a pure
 * function of the stream.
 */
export function occurredOn(event: Pick<RecordedEvent, 'metadata'>): CalendarDate {
  const raw = event.metadata.occurredAt ?? event.metadata.recordedAt;
  if (isCalendarDate(raw)) return raw;
  const instant = new Date(String(raw));
  if (Number.isNaN(instant.getTime())) throw new Error(`Event has no usable occurredAt: ${String(raw)}`);
  return parisDate(instant);
}

/** The machine event for a stored event, after upcasting its data to the current schema. */
export function toMachineEvent<C>(definition: WorkflowDefinition<C>, event: RecordedEvent): MachineEvent {
  const upcast = definition.upcasters ? definition.upcasters.upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data }) : event;
  return { type: upcast.type, data: upcast.data, occurredAt: occurredOn(event) };
}

function step<C>(definition: WorkflowDefinition<C>, machineSnapshot: AnyMachineSnapshot, event: RecordedEvent): AnyMachineSnapshot {
  const machineEvent = toMachineEvent(definition, event);
  // Guards run on replay too: a stream the pinned machine version refuses is corrupt or was
  // replayed with the wrong version, and must fail loudly rather than fold into a wrong state.
  if (!accepts(machineSnapshot, machineEvent)) {
    throw new ReplayFailed(event.streamId, event.version, event.type, `not accepted in state ${JSON.stringify(machineSnapshot.value)}`);
  }
  return nextMachineSnapshot(definition.machine, machineSnapshot, machineEvent);
}

/** Folds one more stored event into a snapshot. Pure: no clock, no randomness. */
export function evolve<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>, event: RecordedEvent): WorkflowSnapshot<C> {
  return fold(definition, [event], snapshot);
}

/**
 * Folds stored events, in stream order, onto `from` (default: the initial snapshot). Versions must
 * follow on without a gap, so a partial read can never pass for the whole stream.
 */
export function fold<C>(definition: WorkflowDefinition<C>, events: readonly RecordedEvent[], from?: WorkflowSnapshot<C>): WorkflowSnapshot<C> {
  const start = from ?? initialSnapshot(definition);
  let machineSnapshot = from ? machineSnapshotOf(definition, from) : definition.machine.resolveState({ value: start.value, context: start.context as never });
  let version = start.version;
  for (const event of events) {
    if (event.version !== version + 1) {
      throw new ReplayFailed(event.streamId, event.version, event.type, `expected version ${version + 1}`);
    }
    machineSnapshot = step(definition, machineSnapshot, event);
    version = event.version;
  }
  return events.length === 0 ? start : toWorkflowSnapshot(definition, machineSnapshot, version);
}
