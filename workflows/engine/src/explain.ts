import type { AnyMachineSnapshot } from 'xstate';
import type { MachineEvent } from './domain-event';
import { candidateTransitions, guardName } from './machine-state';
import { firstFailure, type RuleFailure } from './rule';
import type { WorkflowDefinition } from './workflow-definition';

/**
 * Why the machine refused an event: the first failing rule of the first transition whose routing
 * rules matched, or a generic answer when the state has no transition for it at all.
 */
export function explainRefusal<C>(
  definition: WorkflowDefinition<C>,
  machineSnapshot: AnyMachineSnapshot,
  event: MachineEvent,
  command: string,
  stage: string,
  allowed: readonly string[],
): RuleFailure {
  if (machineSnapshot.status === 'done') {
    return { code: definition.closedCode ?? `${definition.name}-closed`, reason: `This ${definition.name} is closed: nothing more can be recorded on it.` };
  }
  const context = machineSnapshot.context as C;
  for (const transition of candidateTransitions(machineSnapshot, event.type)) {
    const name = guardName(transition);
    if (!name) continue;
    const failure = firstFailure(definition.rules[name] ?? [], context, event);
    if (failure && !failure.route) return { code: failure.code, reason: failure.reason };
  }
  const possible = allowed.length ? ` Possible now: ${allowed.join(', ')}.` : '';
  return { code: 'command-not-allowed', reason: `"${command}" is not possible at the ${stage} stage.${possible}` };
}
