import type { AnyMachineSnapshot } from 'xstate';
import type { CalendarDate } from '../../../libs/domain/src';
import type { MachineEvent } from './domain-event';
import { guardName, machineSnapshotOf, transitionsByEventType } from './machine-state';
import { readsOf, requirementOf, type Rule } from './rule';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowSnapshot } from './workflow-snapshot';

/** A rule the payload or the date must satisfy for an offered command to be accepted. */
export interface CommandRequirement {
  code: string;
  reason: string;
}

export interface CommandOffer {
  command: string;
  /** The payload and date rules of the transitions it may take (state rules already hold). */
  requires: CommandRequirement[];
}

/**
 * The commands the engine will accept on `on` for at least one valid payload, each with the rules
 * its payload and date must satisfy. Every other command is refused on that date. `on` is a date
 * a command may carry: not in the future (a future date refuses everything).
 */
export function commandOffersOf<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>, on: CalendarDate): CommandOffer[] {
  return offersFromMachine(definition, machineSnapshotOf(definition, snapshot), on);
}

/** The names of commandOffersOf, in the definition's order. */
export function allowedCommandsOf<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>, on: CalendarDate): string[] {
  return commandOffersOf(definition, snapshot, on).map((offer) => offer.command);
}

export function allowedFromMachine<C>(definition: WorkflowDefinition<C>, machineSnapshot: AnyMachineSnapshot, on: CalendarDate): string[] {
  return offersFromMachine(definition, machineSnapshot, on).map((offer) => offer.command);
}

export function offersFromMachine<C>(definition: WorkflowDefinition<C>, machineSnapshot: AnyMachineSnapshot, on: CalendarDate): CommandOffer[] {
  if (machineSnapshot.status !== 'active') return [];
  const context = machineSnapshot.context as C;
  const openedOn = definition.openedOn(context);
  if (openedOn !== undefined && on < openedOn) return [];
  const offers: CommandOffer[] = [];
  // The active states' transitions, asked of XState once for every command and event type below.
  const transitions = transitionsByEventType(machineSnapshot);
  for (const [command, handler] of Object.entries(definition.commands)) {
    let offered = false;
    const requires = new Map<string, CommandRequirement>();
    for (const eventType of handler.produces) {
      // Context and date rules read neither the data nor anything but the date.
      const probe: MachineEvent = { type: eventType, data: {}, occurredAt: on };
      for (const transition of transitions.get(eventType) ?? []) {
        const name = guardName(transition);
        const rules = name ? (definition.rules[name] ?? []) : [];
        if (!rules.every((rule) => mayHold(rule, context, probe))) continue;
        offered = true;
        for (const rule of rules) {
          if (!rule.route && readsOf(rule) !== 'context' && !requires.has(rule.code)) requires.set(rule.code, { code: rule.code, reason: requirementOf(rule) });
        }
      }
    }
    if (offered) offers.push({ command, requires: [...requires.values()] });
  }
  return offers;
}

/** Can the rule hold on the probe's date for some payload? */
function mayHold<C>(rule: Rule<C, MachineEvent>, context: C, probe: MachineEvent): boolean {
  if (rule.alwaysRefuses) return false;
  if (readsOf(rule) === 'payload') return rule.satisfiable?.(context, probe.occurredAt) ?? true;
  return rule.holds(context, probe);
}
