import type { AnyMachineSnapshot } from 'xstate';
import { candidateTransitions, guardName, machineSnapshotOf } from './machine-state';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowSnapshot } from './workflow-snapshot';

/**
 * Commands worth offering now: the current state handles one of the events they produce, and the
 * rules that depend on the state alone (not on the payload or date) hold. A payload can still be
 * refused, with a reason, when the command is run.
 */
export function allowedCommandsOf<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>): string[] {
  return allowedFromMachine(definition, machineSnapshotOf(definition, snapshot));
}

export function allowedFromMachine<C>(definition: WorkflowDefinition<C>, machineSnapshot: AnyMachineSnapshot): string[] {
  if (machineSnapshot.status !== 'active') return [];
  const context = machineSnapshot.context as C;
  const offered = (eventType: string): boolean =>
    candidateTransitions(machineSnapshot, eventType).some((transition) => {
      const name = guardName(transition);
      const rules = name ? (definition.rules[name] ?? []) : [];
      return rules.filter((rule) => rule.contextOnly).every((rule) => rule.holds(context, undefined as never));
    });
  return Object.entries(definition.commands)
    .filter(([, handler]) => handler.produces.some(offered))
    .map(([command]) => command);
}
