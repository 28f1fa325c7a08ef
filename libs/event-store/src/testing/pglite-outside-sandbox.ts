/**
 * PGlite loads parts of itself with dynamic import(), which jest's CommonJS sandbox refuses unless
 * node runs with --experimental-vm-modules. Loading the package through Node's own require, outside
 * the sandbox, sidesteps that without changing how the project runs jest. Use it in a spec with:
 *
 *   jest.mock('@electric-sql/pglite', () => jest.requireActual('<path>/testing/pglite-outside-sandbox').loadPGliteModule());
 *
 * Objects PGlite returns then come from the outer realm: toEqual compares them fine, toStrictEqual
 * and instanceof against this realm's classes do not.
 */
import * as vm from 'node:vm';

interface NodeModuleClass {
  createRequire(path: string): NodeJS.Require;
}

export function loadPGliteModule(): unknown {
  const Module = vm.runInThisContext('process.mainModule && process.mainModule.constructor') as NodeModuleClass | undefined;
  if (!Module) return jest.requireActual('@electric-sql/pglite');
  return Module.createRequire(__filename)('@electric-sql/pglite');
}
