import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../../..');
const SOURCE_DIRS = ['apps', 'libs', 'workflows', 'projections'];
const CODE = "'([a-z][a-z0-9]*(?:-[a-z0-9]+)+)'";

/**
 * Where a code is given to a refusal: a DomainError subclass's super(...), new SomeError('...'),
 * HttpProblem(status, '...') / HttpProblem.badRequest('...'), a `code: '...'` of a rule or refusal,
 * a default `code = '...'` parameter, the trailing code argument of ValidationError / Forbidden, and
 * the status-to-code table of the problem-details mapper (`404: 'route-not-found'`), either side of a
 * conditional choosing the code.
 */
const PATTERNS = [
  new RegExp(`(?:super|Error|Forbidden|Refused|HttpProblem(?:\\.badRequest)?)\\(\\s*(?:\\d{3},\\s*)?${CODE}`, 'g'),
  new RegExp(`\\bcode(?:\\s*[:=])\\s*${CODE}`, 'g'),
  new RegExp(`\\b[45]\\d\\d:\\s*${CODE}`, 'g'),
  new RegExp(`,\\s*${CODE}\\s*\\)`, 'g'),
  // A constructor choosing between two codes: `reason === 'missing' ? 'authentication-required' : 'invalid-token'`.
  new RegExp(`\\?\\s*${CODE}\\s*:`, 'g'),
  new RegExp(`\\?\\s*'[^']*'\\s*:\\s*${CODE}`, 'g'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every problem code the server's source can answer with, read from the code itself (not from the
 * OpenAPI layer, which is what is being checked): the OpenAPI setup and the documentation-only
 * schemas are left out, so an example cannot vouch for itself.
 */
export function sourceProblemCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const rel = relative(ROOT, file);
    if (rel.startsWith(join('apps', 'api', 'src', 'openapi')) || /\.schemas?\.ts$/.test(rel)) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) for (const m of text.matchAll(pattern)) codes.add(m[1]);
  }
  return codes;
}
