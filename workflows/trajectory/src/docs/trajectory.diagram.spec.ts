import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { requirementOf } from '../../../engine/src';
import { trajectoryRulesV1 } from '../machine/trajectory-rules.v1';
import { renderTrajectoryDiagramDoc, TRAJECTORY_DIAGRAM_PATH } from './trajectory.diagram';

const doc = renderTrajectoryDiagramDoc();
const diagram = doc.slice(doc.indexOf('```mermaid'), doc.indexOf('```', doc.indexOf('```mermaid') + 3));

/** The lines of a composite block of the diagram, nested blocks included. */
function block(name: string): string[] {
  const lines = diagram.split('\n');
  const start = lines.findIndex((l) => l.trim() === `state ${name} {`);
  const indent = lines[start].indexOf('state');
  const end = lines.findIndex((l, i) => i > start && l.trim() === '}' && l.indexOf('}') === indent);
  return lines.slice(start + 1, end);
}

/**
 * Arrows whose ends are not states declared in the arrow's own block. Mermaid moves a state an
 * arrow names into the arrow's block (mermaid-js/mermaid#3700, #5290), so `saisine --> closed`
 * written outside `open` would draw `closed` inside it.
 */
function crossingArrows(): string[] {
  const children = new Map<string, Set<string>>([['', new Set()]]);
  const arrows: { block: string; from: string; to: string; line: string }[] = [];
  const stack = [''];
  for (const raw of diagram.split('\n').slice(2)) {
    const line = raw.trim();
    const block = stack[stack.length - 1];
    const opened = /^state (\S+) \{$/.exec(line);
    const arrow = /^(\S+) --> (\S+)/.exec(line);
    if (opened) {
      children.get(block)!.add(opened[1]);
      children.set(opened[1], new Set());
      stack.push(opened[1]);
    } else if (line === '}') stack.pop();
    else if (arrow) arrows.push({ block, from: arrow[1], to: arrow[2], line });
    else if (/^\w+$/.test(line)) children.get(block)!.add(line);
  }
  return arrows.filter((a) => ![a.from, a.to].every((end) => end === '[*]' || children.get(a.block)!.has(end))).map((a) => a.line);
}

describe('docs/workflows/trajectory.md', () => {
  it('is up to date with the machine and its rules (run `npm run docs:workflows` after changing them)', () => {
    const committed = readFileSync(resolve(__dirname, '../../../..', TRAJECTORY_DIAGRAM_PATH), 'utf8');
    expect(committed).toBe(doc);
  });

  it('shows every stage and the guarded transitions', () => {
    for (const stage of ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed', 'suspended']) expect(diagram).toContain(stage);
    expect(diagram).toContain('contract --> briques : MeasureStarted (sign-contract) [canStartMeasure]');
    expect(diagram).toContain('veille --> diagnostic : TrajectoryReopened (reopen)');
    expect(diagram).toContain('open --> closed : SaisineReoriented (reorient) [canReorient] from saisine');
    expect(diagram).toContain('closed --> [*]');
  });

  it('draws closed outside open: no line of the open block names it, and every arrow joins states of its own block', () => {
    const open = block('open');
    expect(open.length).toBeGreaterThan(20);
    expect(open.filter((line) => /\bclosed\b/.test(line))).toEqual([]);
    expect(crossingArrows()).toEqual([]);
  });

  it('draws no arrow whose rule always refuses, and names that rule in the tables', () => {
    expect(diagram).not.toContain('relaisConfirmedFirst');
    expect(doc).toContain('| close | TrajectoryClosed | `relais-pending` |');
  });

  it('lists every rule of the machine with its code and its words', () => {
    for (const rules of Object.values(trajectoryRulesV1)) {
      for (const rule of rules) expect(doc).toContain(`\`${rule.code}\` | ${requirementOf(rule)} |`);
    }
    for (const code of ['occurred-in-future', 'occurred-before-opening', 'trajectory-closed', 'command-not-allowed']) expect(doc).toContain(`| \`${code}\` |`);
  });
});
