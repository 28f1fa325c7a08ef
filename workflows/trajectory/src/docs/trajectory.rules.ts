import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { commonRefusals, guardName, machineTransitions, readsOf, requirementOf, type MachineEvent, type Rule, type RuleBook } from '../../../engine/src';
import type { TrajectoryContext } from '../trajectory-context';

type Book = RuleBook<TrajectoryContext, MachineEvent>;

const READS = { context: 'the trajectory', date: 'the date', payload: 'the payload' } as const;
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** 'open.briques.active' -> 'briques'; the transitions of `open` itself hold at every open stage. */
function stageOfNode(node: AnyStateNode): string {
  return node.path.length === 1 && Object.keys(node.states).length > 0 ? 'any open stage' : (node.path[1] ?? node.path[0]);
}

/** The stage a transition into `node` lands in: a compound state is entered at its initial child. */
function enteredStage(node: AnyStateNode): string {
  let n = node;
  while (typeof n.config.initial === 'string' && n.path.length < 2) n = n.states[n.config.initial];
  return stageOfNode(n);
}

function ruleRow(command: string, step: string, rule: Rule<TrajectoryContext, MachineEvent>): string {
  const checked = rule.route ? `${READS[readsOf(rule)]} (chooses the transition)` : rule.alwaysRefuses ? 'always refused' : READS[readsOf(rule)];
  return `| ${command} | ${step} | \`${rule.code}\` | ${cell(requirementOf(rule))} | ${checked} |`;
}

/**
 * Every rule of a rule book as Markdown tables, one per stage, each rule under the command and
 * transition it guards, plus the checks common to every command: a coordinator reads the rules in
 * one place, and the page cannot drift from the machine.
 */
export function renderRuleTables(machine: AnyStateMachine, rules: Book, commandsProducing: (eventType: string) => string | undefined): string[] {
  const byStage = new Map<string, string[]>();
  for (const { source, transition } of machineTransitions(machine)) {
    const target = transition.target?.[0];
    const step = `${transition.eventType}${target && target !== source && !target.path.join('.').startsWith(source.path.join('.')) ? ` → ${enteredStage(target)}` : ''}`;
    const command = commandsProducing(transition.eventType) ?? '—';
    const name = guardName(transition);
    const list = name ? (rules[name] ?? []) : [];
    const rows = list.length ? list.map((rule) => ruleRow(command, step, rule)) : [`| ${command} | ${step} | — | No rule: always accepted at this stage. | — |`];
    const stage = stageOfNode(source);
    byStage.set(stage, [...(byStage.get(stage) ?? []), ...rows]);
  }
  const header = ['| Command | Event → next stage | Code | Rule | Checked on |', '| --- | --- | --- | --- | --- |'];
  const lines: string[] = [
    '## Rules',
    '',
    'Every command is first checked the same way (a refusal answers the code):',
    '',
    '| Code | Rule |',
    '| --- | --- |',
    ...commonRefusals('trajectory').map((r) => `| \`${r.code}\` | ${cell(r.requirement)} |`),
    '| `invalid-payload` | The payload has the fields, types and bounds of the command\'s schema. |',
    '',
    'Then the rules of the transition the command takes, in the order they are checked; the first',
    'that fails is the refusal. `allowedCommands` lists a command on a date when the rules on the',
    'trajectory hold, the rules on the date hold for that date, and some payload satisfies the rules',
    'on the payload; `commandRequirements` gives, for each, the rules on the date and the payload.',
    '',
  ];
  for (const [stage, rows] of byStage) lines.push(`### ${stage}`, '', ...header, ...rows, '');
  return lines;
}

/** The guards whose rules a later version changes, by their codes. */
export function renderVersionChanges(base: Book, versions: Record<number, Book>): string[] {
  const lines: string[] = [];
  for (const [version, book] of Object.entries(versions)) {
    for (const guard of Object.keys(book)) {
      const before = (base[guard] ?? []).map((r) => `\`${r.code}\``).join(', ');
      const after = book[guard].map((r) => `\`${r.code}\``).join(', ');
      if (before !== after) lines.push(`- v${version}, \`${guard}\`: ${before || 'no rule'} → ${after || 'no rule'}.`);
    }
  }
  return lines.length ? ['## Versions', '', 'The tables are v1. Later versions change these guards:', '', ...lines, ''] : [];
}
