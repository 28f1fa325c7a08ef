jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ROUTE_POLICY } from '../auth/access-policy';
import { generateOpenApiDocument } from './openapi-document';
import { sourceProblemCodes } from './testing/source-problem-codes';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(doc: OpenAPIObject): { id: string; path: string; method: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ id: `${method.toUpperCase()} ${path}`, path, method, op: item[method] as OperationObject })),
  );
}

const responses = (op: OperationObject) => Object.entries(op.responses) as [string, ResponseObject][];

/** Every value under `key` anywhere in the document. */
function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, key, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

describe('the OpenAPI document (the API as npm start serves it)', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await generateOpenApiDocument();
  });

  it('describes every route of the access policy, and nothing the policy does not know', () => {
    const documented = new Set(operations(doc).map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{([^}]+)\}/g, ':$1')}`));
    for (const p of ROUTE_POLICY) {
      if (p.path.endsWith('/:command')) continue; // one documented path per command instead
      expect(documented).toContain(`${p.method} ${p.path}`);
    }
    expect(operations(doc).length).toBeGreaterThan(ROUTE_POLICY.length);
  });

  it('gives every operation a 2xx answer with a schema for each of its media types', () => {
    const missing = operations(doc)
      .filter(({ op }) => {
        const ok = responses(op).filter(([status]) => status.startsWith('2'));
        return ok.length === 0 || ok.some(([, r]) => !r.content || Object.values(r.content).some((media) => !media.schema || Object.keys(media.schema).length === 0));
      })
      .map((o) => o.id);
    expect(missing).toEqual([]);
  });

  it('documents 401, 403 and 429 on every authenticated operation, 400 where input is read, 413 and 415 where a body is', () => {
    const gaps: string[] = [];
    for (const { id, op } of operations(doc)) {
      const has = (s: number) => String(s) in op.responses;
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const expected = [
        ...(isPublic ? [] : [401, 403, 429]),
        ...((op.parameters ?? []).length > 0 || op.requestBody ? [400] : []),
        ...(op.requestBody ? [413, 415] : []),
      ];
      for (const s of expected) if (!has(s)) gaps.push(`${id} ${s}`);
      for (const [status, r] of responses(op)) {
        if (Number(status) >= 400 && status !== '503') expect(r.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/ProblemDetailsSchema' });
      }
    }
    expect(gaps).toEqual([]);
    expect(doc.paths['/health'].get?.security).toEqual([]);
    // Public but still rate-limited, and refusing an unknown query parameter like every route.
    expect(Object.keys(doc.paths['/health'].get?.responses ?? {})).toEqual(expect.arrayContaining(['400', '429']));
    expect(Object.keys(doc.paths['/conventions/{id}'].get?.responses ?? {})).toContain('404');
    expect(Object.keys(doc.paths['/households/{id}/erasure'].post?.responses ?? {})).toContain('409');
  });

  it('uses as example codes only codes the server sends', () => {
    const source = sourceProblemCodes();
    const problemExamples = collect(doc.paths, 'application/problem+json').map((m) => (m as { example?: { code?: string } }).example?.code);
    expect(problemExamples.every((c) => typeof c === 'string')).toBe(true);
    const schemaExample = (doc.components?.schemas?.ProblemDetailsSchema as SchemaObject).properties?.code as SchemaObject;
    const codes = [...new Set([...(problemExamples as string[]), schemaExample.example as string])].sort();
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => !source.has(c))).toEqual([]);
    // The scan is not a rubber stamp: a made-up code is not in it.
    expect(source.has('transition-not-allowed')).toBe(false);
  });

  it('declares CSV (format=csv or Accept: text/csv) on the routes that serve it', () => {
    const csv = operations(doc).filter(({ op }) => responses(op).some(([s, r]) => s === '200' && r.content?.['text/csv']));
    expect(csv.map((o) => o.id).sort()).toEqual(['GET /conventions/{id}/consumption', 'GET /conventions/{id}/dashboard', 'GET /conventions/{id}/report']);
    for (const { op } of csv) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'format', in: 'query', schema: expect.objectContaining({ enum: ['json', 'csv'] }) }));
      const ok = op.responses['200'] as ResponseObject;
      expect(ok.content?.['application/json']?.schema).toHaveProperty('$ref');
      expect(ok.content?.['text/csv']?.example).toMatch(/^\uFEFF/);
    }
    expect(String((doc.paths['/conventions/{id}/consumption'].get?.responses['200'] as ResponseObject).content?.['text/csv']?.example)).toContain("Montant (centimes d'euro)");
  });

  it('sets servers', () => {
    expect(doc.servers?.map((s) => s.url)).toEqual(['/']);
  });

  it('has one money unit: every amount is an integer field named ...Cents, said to be euro cents', () => {
    const schemas = doc.components?.schemas ?? {};
    const offenders: string[] = [];
    const cents: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [prop, s] of Object.entries((schema as SchemaObject).properties ?? {})) {
        const p = s as SchemaObject;
        const numeric = p.type === 'number' || p.type === 'integer';
        if (numeric && /(price|amount|cap|euros?)$/i.test(prop)) offenders.push(`${name}.${prop}`);
        if (prop.endsWith('Cents')) {
          cents.push(`${name}.${prop}`);
          if (p.type !== 'integer' || !/cents/i.test(p.description ?? '')) offenders.push(`${name}.${prop} (type ${p.type}, "${p.description}")`);
        }
      }
    }
    expect(offenders).toEqual([]);
    expect(cents).toEqual(expect.arrayContaining(['ConventionInputSchema.yearlyCapCents', 'ConsumptionLineSchema.amountCents', 'CapStatusSchema.totalCents', 'DashboardSchema.amountThisMonthCents']));
    const body = doc.paths['/conventions'].post?.requestBody as { content: Record<string, { schema: unknown; examples?: Record<string, { value: unknown }> }> };
    expect(JSON.stringify(body.content['application/json'].examples)).not.toMatch(/"(perDiagnostic|perMonth|yearlyCap|price)"/);
  });
});
