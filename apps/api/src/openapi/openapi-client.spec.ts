jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { writeOpenApiDocument } from './openapi-document';
import { openapiTypescript, redoclyLint, typecheck, writeAnswerChecks } from './testing/openapi-tools';

jest.setTimeout(180_000);

/** A file using the generated client types as a web screen would: amounts in cents, the CSV a string. */
const USAGE = `import type { paths } from './api';
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: infer C } } } ? C : never;
type Consumption = Ok<'/conventions/{id}/consumption', 'get'>['application/json'];
export const total = (c: Consumption): number => c.totalCents + c.lines.reduce((s, l) => s + l.amountCents, 0);
export const csv = (body: Ok<'/conventions/{id}/consumption', 'get'>['text/csv']): string => body.trim();
type Body = NonNullable<paths['/conventions']['post']['requestBody']>['content']['application/json'];
export const convention: Body = { funder: 'departement-x', programme: 'asll-test', year: 2026, prices: { perMonthCents: 19000 }, yearlyCapCents: 4000000 };
`;

describe('CI: the OpenAPI document lints clean and gives a client with no never answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await writeOpenApiDocument(join(dir, 'openapi.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes `redocly lint` (recommended rules) with no error and no warning, without network', () => {
    const lint = redoclyLint(join(dir, 'openapi.json'));
    expect(lint.stderr).not.toContain('NETWORK-ATTEMPT');
    expect(lint.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect({ errors: lint.errors, warnings: lint.warnings, status: lint.status }).toEqual({ errors: 0, warnings: 0, status: 0 });
  });

  it('generates client types with openapi-typescript in which every 2xx answer has a type, and that a client compiles against', () => {
    const generated = openapiTypescript(join(dir, 'openapi.json'), join(dir, 'api.d.ts'));
    expect(generated.stderr).not.toContain('NETWORK-ATTEMPT');
    expect(generated.status).toBe(0);
    const checks = writeAnswerChecks(document, './api.d.ts', join(dir, 'answers.check.ts'));
    expect(checks).toBeGreaterThan(40);
    writeFileSync(join(dir, 'usage.ts'), USAGE);
    const tsc = typecheck([join(dir, 'answers.check.ts'), join(dir, 'usage.ts')]);
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('would fail on an answer without a schema (the check is not vacuous)', () => {
    const get = (name: string, ok: object) => ({ get: { operationId: name, summary: name, security: [], responses: { 200: { description: 'ok', ...ok }, 400: { description: 'no' } } } });
    const bare = {
      openapi: '3.0.0',
      info: { title: 'bare', version: '1', license: { name: 'AGPL-3.0-or-later' } },
      servers: [{ url: '/' }],
      paths: {
        '/typed': get('typed', { content: { 'application/json': { schema: { type: 'string' } } } }),
        '/untyped': get('untyped', {}),
        '/unknown': get('unknown', { content: { 'application/json': { schema: {} } } }),
      },
    } as unknown as OpenAPIObject;
    writeFileSync(join(dir, 'bare.json'), JSON.stringify(bare));
    expect(openapiTypescript(join(dir, 'bare.json'), join(dir, 'bare.d.ts')).status).toBe(0);
    writeAnswerChecks(bare, './bare.d.ts', join(dir, 'bare.check.ts'));
    const tsc = typecheck([join(dir, 'bare.check.ts')]);
    expect(tsc.status).not.toBe(0);
    // Two failures: the answer with no content and the one whose schema says nothing; not the typed one.
    const failing = [...tsc.stdout.matchAll(/bare\.check\.ts\((\d+),\d+\): error TS/g)].map((m) => Number(m[1]));
    const source = readFileSync(join(dir, 'bare.check.ts'), 'utf8').split('\n');
    expect(failing.map((line) => /paths\["([^"]+)"\]/.exec(source[line - 1])?.[1])).toEqual(['/untyped', '/unknown']);
  });
});
