import type { AnyTransitionDefinition } from 'xstate';
import { guardName, toMermaidStateDiagram, type MachineEvent, type RuleBook } from '../../../engine/src';
import type { TrajectoryContext } from '../trajectory-context';
import { TRAJECTORY_COMMAND_DEFINITIONS } from '../commands/trajectory-commands';
import { createTrajectoryMachine } from '../machine/trajectory.machine';
import { trajectoryRulesV1 } from '../machine/trajectory-rules.v1';
import { trajectoryRulesV2 } from '../machine/trajectory-rules.v2';
import { renderRuleTables, renderVersionChanges } from './trajectory.rules';

/** Where the generated page lives, from the repository root. */
export const TRAJECTORY_DIAGRAM_PATH = 'docs/workflows/trajectory.md';

function commandsProducing(eventType: string): string | undefined {
  const names = TRAJECTORY_COMMAND_DEFINITIONS.filter((d) => d.produces.some((e) => e.type === eventType)).map((d) => d.name);
  return names.length ? names.join(', ') : undefined;
}

/** The Markdown page for docs/workflows/trajectory.md, generated from the v1 machine. */
export function renderTrajectoryDiagramDoc(): string {
  const machine = createTrajectoryMachine(1, trajectoryRulesV1);
  const rules: RuleBook<TrajectoryContext, MachineEvent> = trajectoryRulesV1;
  // An arrow whose rule always refuses is not a way the trajectory goes: the rules table names it.
  const hide = (t: AnyTransitionDefinition) => (rules[guardName(t) ?? ''] ?? []).some((rule) => rule.alwaysRefuses);
  const diagram = toMermaidStateDiagram(machine, { describeEvent: commandsProducing, hide });
  return [
    '# The trajectory workflow',
    '',
    '<!-- Generated from workflows/trajectory/src/machine/trajectory.machine.ts by `npm run docs:workflows`. Do not edit: a spec fails when this file is out of date. -->',
    '',
    'Each arrow is a domain event the machine accepts, with the command that produces it in',
    'parentheses and the guard (a named list of rules, see `workflows/trajectory/src/machine/rules/`)',
    'in brackets; "from X" says which stage inside `open` an arrow leaves from. An arrow from a state',
    'to itself changes the context but not the stage. The stage layout is shared by every machine',
    'version; versions differ by their rules.',
    '',
    '```mermaid',
    diagram.trimEnd(),
    '```',
    '',
    ...renderRuleTables(machine, rules, commandsProducing),
    ...renderVersionChanges(rules, { 2: trajectoryRulesV2 }),
  ].join('\n');
}
