import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

/** Every relative import (value or type-only) of the .ts files under a folder, specs left out. */
function importGraph(folder: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) files.push(path);
    }
  };
  walk(join(root, folder));
  const known = new Set(files);
  const target = (from: string, spec: string) => [`${resolve(dirname(from), spec)}.ts`, join(resolve(dirname(from), spec), 'index.ts')].find((p) => existsSync(p));
  return new Map(
    files.map((file) => {
      const specs = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]*)['"]/g)].map((m) => target(file, m[1]));
      return [file, specs.filter((p): p is string => p !== undefined && known.has(p))];
    }),
  );
}

/** Tarjan's strongly connected components with more than one file: the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) visit(w);
      if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, low.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(relative(root, w));
    } while (w !== v);
    if (component.length > 1) found.push(component);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('import cycles', () => {
  it('finds one when there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toHaveLength(1);
  });

  // The command definitions used to import a hand-written payload list that imported every command back (34 files).
  it.each(['workflows', 'apps/api/src'])('has none under %s, type-only imports included', (folder) => {
    expect(cycles(importGraph(folder))).toEqual([]);
  });
});
