import { createActor, getNextTransitions, initialTransition, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyTransitionDefinition } from 'xstate';
import type { MachineEvent } from './domain-event';
import { frozenPlainData } from './plain-data';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowSnapshot } from './workflow-snapshot';

/** Plain snapshot of an XState snapshot, at a given stream version. */
export function toWorkflowSnapshot<C>(definition: WorkflowDefinition<C>, machineSnapshot: AnyMachineSnapshot, version: number): WorkflowSnapshot<C> {
  // Plain JSON: what a store or cache gives back, so a replayed snapshot equals the live one.
  const context = frozenPlainData(machineSnapshot.context) as C;
  return {
    workflow: definition.name,
    workflowVersion: definition.version,
    version,
    stage: definition.stageOf(machineSnapshot.value, context),
    value: machineSnapshot.value,
    context,
    status: machineSnapshot.status === 'done' ? 'done' : 'active',
  };
}

const initialSnapshots = new WeakMap<WorkflowDefinition<never>, WorkflowSnapshot<unknown>>();

/**
 * The snapshot of an instance that has no event yet. The same for every new instance of a
 * definition, so computed once (XState's initialTransition builds an actor each time) and kept
 * frozen; each caller gets its own outer object.
 */
export function initialSnapshot<C>(definition: WorkflowDefinition<C>): WorkflowSnapshot<C> {
  let initial = initialSnapshots.get(definition as WorkflowDefinition<never>) as WorkflowSnapshot<C> | undefined;
  if (!initial) {
    const [machineSnapshot] = initialTransition(definition.machine);
    const snapshot = toWorkflowSnapshot(definition, machineSnapshot, 0);
    initial = Object.freeze({ ...snapshot, value: frozenPlainData(snapshot.value) });
    initialSnapshots.set(definition as WorkflowDefinition<never>, initial as WorkflowSnapshot<unknown>);
  }
  return { ...initial };
}

/** XState's snapshot rebuilt from the plain one: the same path for live, replayed and cached snapshots. */
export function machineSnapshotOf<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>): AnyMachineSnapshot {
  if (snapshot.workflowVersion !== definition.version || snapshot.workflow !== definition.name) {
    throw new Error(`Snapshot of ${snapshot.workflow} v${snapshot.workflowVersion} given to ${definition.name} v${definition.version}`);
  }
  return definition.machine.resolveState({ value: snapshot.value, context: snapshot.context as never });
}

/** Transitions of the active state nodes for one event type, guards not evaluated, in document order. */
export function candidateTransitions(machineSnapshot: AnyMachineSnapshot, eventType: string): AnyTransitionDefinition[] {
  return getNextTransitions(machineSnapshot).filter((t) => t.eventType === eventType);
}

/** candidateTransitions of every event type at once: one walk of the active state nodes. */
export function transitionsByEventType(machineSnapshot: AnyMachineSnapshot): Map<string, AnyTransitionDefinition[]> {
  const byType = new Map<string, AnyTransitionDefinition[]>();
  for (const transition of getNextTransitions(machineSnapshot)) {
    const list = byType.get(transition.eventType);
    if (list) list.push(transition);
    else byType.set(transition.eventType, [transition]);
  }
  return byType;
}

export function guardName(transition: AnyTransitionDefinition): string | undefined {
  const guard: unknown = transition.guard;
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') return (guard as { type: string }).type;
  return undefined;
}

/** Does the current state accept this event, guards included? */
export function accepts(machineSnapshot: AnyMachineSnapshot, event: MachineEvent): boolean {
  return machineSnapshot.status === 'active' && machineSnapshot.can(event);
}

const inertScopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * The snapshot after one event: XState's `transition(machine, snapshot, event)` without the actor
 * that function builds on every call (an Actor whose construction computes the machine's initial
 * state, which cost more than the transition itself). The engine's machines only assign, and their
 * actions are never executed here, so one inert scope per machine serves every call.
 */
export function nextMachineSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: MachineEvent): AnyMachineSnapshot {
  let scope = inertScopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const ignore = (): void => undefined;
    scope = { self, id: '', sessionId: '', logger: ignore, defer: ignore, emit: ignore, system: self.system, stopChild: ignore, actionExecutor: ignore };
    inertScopes.set(machine, scope);
  }
  return machine.transition(snapshot, event, scope);
}
