import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

const ROOT = join(__dirname, '../../../../..');
const bin = (pkg: string, file: string) => join(ROOT, 'node_modules', pkg, file);

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node tool of node_modules offline (sockets refused by no-network.cjs), telemetry and update checks off. */
function runOffline(script: string, args: string[]): ToolRun {
  const r = spawnSync(process.execPath, ['--require', join(__dirname, 'no-network.cjs'), script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1', CI: 'true' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface LintTotals {
  errors: number;
  warnings: number;
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint` with the repository's redocly.yaml. */
export function redoclyLint(documentPath: string): LintTotals & ToolRun {
  const run = runOffline(bin('@redocly/cli', 'bin/cli.js'), ['lint', documentPath, '--config', join(ROOT, 'redocly.yaml'), '--format=json']);
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: LintTotals['problems'] };
  return { ...run, ...report.totals, problems: report.problems };
}

/** `openapi-typescript`: the TypeScript types of a client, written to `outPath`. */
export function openapiTypescript(documentPath: string, outPath: string): ToolRun {
  return runOffline(bin('openapi-typescript', 'bin/cli.js'), [documentPath, '-o', outPath]);
}

/** `tsc --noEmit --strict` on the given files alone (no project, no @types: the first file's directory has none). */
export function typecheck(files: string[]): ToolRun {
  return runOffline(bin('typescript', 'bin/tsc'), ['--noEmit', '--strict', '--typeRoots', dirname(files[0]), '--target', 'es2022', '--module', 'commonjs', ...files]);
}

const SUCCESS = /^2\d\d$/;

/**
 * A TypeScript file that fails to compile if any 2xx answer of the generated client is `never` or
 * `unknown`: one assertion (one line, one compile error) per operation, status and media type.
 */
export function writeAnswerChecks(document: OpenAPIObject, typesFile: string, outPath: string): number {
  const lines: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (!op) continue;
      for (const [status, response] of Object.entries(op.responses)) {
        if (!SUCCESS.test(status)) continue;
        const media = Object.keys((response as { content?: object }).content ?? { 'application/json': {} });
        for (const type of media) {
          lines.push(`export type Answer${lines.length} = Expect<Usable<paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['responses'][${status}]['content'][${JSON.stringify(type)}]>>;`);
        }
      }
    }
  }
  writeFileSync(
    outPath,
    [
      `import type { paths } from ${JSON.stringify(typesFile.replace(/\.d\.ts$/, ''))};`,
      'type IsNever<T> = [T] extends [never] ? true : false;',
      'type IsUnknown<T> = unknown extends T ? true : false;',
      'type Usable<T> = IsNever<T> extends true ? false : IsUnknown<T> extends true ? false : true;',
      'type Expect<T extends true> = T;',
      ...lines,
      '',
    ].join('\n'),
  );
  return lines.length;
}
