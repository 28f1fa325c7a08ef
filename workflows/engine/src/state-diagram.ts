import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { guardName } from './machine-state';

export interface DiagramOptions {
  /** Extra text for an event's label, e.g. the command that produces it. */
  describeEvent?: (eventType: string) => string | undefined;
  /** Transitions not to draw, e.g. those whose rule always refuses. */
  hide?: (transition: AnyTransitionDefinition) => boolean;
}

const isDescendant = (node: AnyStateNode, ancestor: AnyStateNode): boolean => {
  for (let n: AnyStateNode | undefined = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
};

/** The node itself or its ancestor that is a direct child of `scope`. */
const childOf = (scope: AnyStateNode, node: AnyStateNode): AnyStateNode => {
  let n = node;
  while (n.parent && n.parent !== scope) n = n.parent;
  return n;
};

/** The closest compound state holding both ends (a self-transition lives in its parent). */
const scopeOf = (from: AnyStateNode, to: AnyStateNode, root: AnyStateNode): AnyStateNode => {
  for (let scope: AnyStateNode | undefined = from.parent; scope; scope = scope.parent) {
    if (to !== scope && isDescendant(to, scope)) return scope;
  }
  return root;
};

/** Every transition of the machine with the state declaring it, in document order. */
export function machineTransitions(machine: AnyStateMachine): { source: AnyStateNode; transition: AnyTransitionDefinition }[] {
  const found: { source: AnyStateNode; transition: AnyTransitionDefinition }[] = [];
  const visit = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      visit(child);
      for (const transitions of child.transitions.values()) for (const transition of transitions as AnyTransitionDefinition[]) found.push({ source: child, transition });
    }
  };
  visit(machine.root);
  return found;
}

/**
 * A Mermaid stateDiagram-v2 generated from the machine definition itself (states, nesting,
 * transitions with their guard names), so the picture cannot drift from the code.
 *
 * Every arrow is written inside the closest block holding both its ends, between that block's
 * children: Mermaid pulls a state named from inside a block into it, so an arrow from a nested
 * state to `closed` would draw `closed` inside `open`. Such an arrow starts at the enclosing state
 * and its label says from where. A compound state's transition into one of its own children is
 * drawn from each sibling child, which is what it does.
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
    const scope = scopeOf(from, to, machine.root);
    const start = childOf(scope, from);
    add(scope, `${nameOf(start)} --> ${nameOf(childOf(scope, to))} : ${text}${start === from ? '' : ` from ${from.key}`}`);
  };

  for (const { source, transition } of machineTransitions(machine)) {
    if (options.hide?.(transition)) continue;
    for (const target of transition.target?.length ? transition.target : [source]) {
      if (isDescendant(target, source)) {
        for (const sibling of Object.values(source.states) as AnyStateNode[]) if (sibling !== target) edge(sibling, target, label(transition));
      } else {
        edge(source, target, label(transition));
      }
    }
  }

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
