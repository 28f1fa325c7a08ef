import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { guardName } from './machine-state';

export interface DiagramOptions {
  /** Extra text for an event's label, e.g. the command that produces it. */
  describeEvent?: (eventType: string) => string | undefined;
}

const isDescendant = (node: AnyStateNode, ancestor: AnyStateNode): boolean => {
  for (let n: AnyStateNode | undefined = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
};

/**
 * A Mermaid stateDiagram-v2 generated from the machine definition itself (states, nesting,
 * transitions with their guard names), so the picture cannot drift from the code.
 *
 * Mermaid cannot draw an arrow between states of different composite blocks from inside a block,
 * so an arrow is written inside a block only when both ends live there; the others are written at
 * the top level. A compound state's transition into one of its own children is drawn from each
 * sibling child, which is what it does.
 */
export function toMermaidStateDiagram(machine: AnyStateMachine, options: DiagramOptions = {}): string {
  const ids = new Map<AnyStateNode, string>();
  const taken = new Set<string>();
  const nameOf = (node: AnyStateNode): string => {
    let id = ids.get(node);
    if (!id) {
      id = taken.has(node.key) ? node.path.join('_') : node.key;
      taken.add(id);
      ids.set(node, id);
    }
    return id;
  };
  const label = (t: AnyTransitionDefinition): string => {
    const extra = options.describeEvent?.(t.eventType);
    const guard = guardName(t);
    return [t.eventType, extra ? `(${extra})` : undefined, guard ? `[${guard}]` : undefined].filter(Boolean).join(' ');
  };

  const blockLines = new Map<AnyStateNode, string[]>();
  const add = (scope: AnyStateNode, line: string) => blockLines.set(scope, [...(blockLines.get(scope) ?? []), line]);
  const edge = (from: AnyStateNode, to: AnyStateNode, text: string) => {
    const scope = from.parent && from.parent === to.parent ? from.parent : machine.root;
    add(scope, `${nameOf(from)} --> ${nameOf(to)} : ${text}`);
  };

  const collect = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      collect(child);
      for (const transitions of child.transitions.values()) {
        for (const t of transitions as AnyTransitionDefinition[]) {
          for (const target of t.target?.length ? t.target : [child]) {
            if (isDescendant(target, child)) {
              for (const sibling of Object.values(child.states) as AnyStateNode[]) if (sibling !== target) edge(sibling, target, label(t));
            } else {
              edge(child, target, label(t));
            }
          }
        }
      }
    }
  };
  collect(machine.root);

  const lines: string[] = ['stateDiagram-v2'];
  const render = (node: AnyStateNode, depth: number): void => {
    const pad = '  '.repeat(depth);
    const initial = node.config.initial;
    if (typeof initial === 'string') lines.push(`${pad}[*] --> ${nameOf(node.states[initial])}`);
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      if (Object.keys(child.states).length > 0) {
        lines.push(`${pad}state ${nameOf(child)} {`);
        render(child, depth + 1);
        lines.push(`${pad}}`);
      } else {
        lines.push(`${pad}${nameOf(child)}`);
      }
    }
    for (const line of node === machine.root ? [] : (blockLines.get(node) ?? [])) lines.push(`${pad}${line}`);
  };
  render(machine.root, 1);
  for (const line of blockLines.get(machine.root) ?? []) lines.push(`  ${line}`);
  for (const node of Object.values(machine.root.states) as AnyStateNode[]) if (node.type === 'final') lines.push(`  ${nameOf(node)} --> [*]`);
  return `${lines.join('\n')}\n`;
}
