import Ajv, { type ValidateFunction } from 'ajv';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import type { Response } from 'supertest';
import type { Grants } from '../../apps/api/src/auth/access-policy';
import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi.setup';
import { waitFor } from '../../projections/core/testing/wait-for';
import { type AccessApp, startAccessApp } from './support/access-app';
import { type AccessWorld, seedAccessWorld } from './support/access-world';
import { type Actor, authHeaders } from './support/auth';
import { ADMIN, AUDITOR, COORDINATOR, REFERENT } from './support/fixtures';
import { CALLERS, type ProbeRequest, probesFromPolicy } from './support/policy-matrix';

/**
 * The document against the answers: every route of the access policy is called as a caller who gets
 * the whole answer, and the body must match the schema the document gives for that operation and
 * status, with no member the schema does not name. A documented shape that drifts from the code fails here.
 */

/**
 * OpenAPI 3.0 schema -> JSON Schema for ajv: `nullable` becomes "or null" (also around an allOf/$ref),
 * boolean exclusiveMinimum becomes the number form. And objects with named properties accept no other
 * member here: an undocumented field is a contract gap.
 */
function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'example' || k === 'examples' ? v : jsonSchemaOf(v)]));
  if (out.exclusiveMinimum === true) {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}

function operationOf(doc: OpenAPIObject, method: string, url: string): { path: string; op: OperationObject } {
  const pathname = url.split('?')[0];
  for (const [path, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = item[method.toLowerCase() as 'get' | 'post'];
    if (op && pattern.test(pathname)) return { path, op };
  }
  throw new Error(`${method} ${pathname} is not in the document`);
}

/** The first caller the grants give the whole answer to (no reduced shape, no scope it could fail). */
function fullCaller(grants: Grants): Actor {
  const caller = CALLERS.find((c) => {
    const g = grants[c.actor.role];
    return g && !g.shape && c.own && ['any', 'funder-path', 'funder-convention', 'own-lists', 'on-written-decision'].includes(g.scope);
  });
  if (!caller) throw new Error(`no caller gets the whole answer of ${JSON.stringify(grants)}`);
  return caller.actor;
}

describe('the OpenAPI document matches what the API answers', () => {
  let app: AccessApp;
  let world: AccessWorld;
  let doc: OpenAPIObject;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    app = await startAccessApp();
    world = await seedAccessWorld(app);
    doc = buildOpenApiDocument(app.app);
  });
  afterAll(() => app?.close());

  /** Checks one answer: its status is documented, its body matches that status's JSON schema. */
  function conforms(method: string, url: string, res: Response): string[] {
    const { path, op } = operationOf(doc, method, url);
    const documented = op.responses[String(res.status)] as ResponseObject | undefined;
    if (!documented) return [`${method} ${path}: ${res.status} ${res.body?.code ?? ''} is not documented (${Object.keys(op.responses).join(', ')})`];
    const media = Object.entries(documented.content ?? {}).find(([type]) => (res.headers['content-type'] ?? '').startsWith(type))?.[1];
    if (!media?.schema) return [`${method} ${path} ${res.status}: no schema for ${res.headers['content-type']}`];
    const key = `${method} ${path} ${res.status} ${res.headers['content-type']}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile({ components: jsonSchemaOf(doc.components), ...(jsonSchemaOf(media.schema) as object) });
      validators.set(key, validate);
    }
    return validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  async function send(actor: Actor | undefined, req: ProbeRequest): Promise<Response> {
    const call = req.method === 'GET' ? app.http().get(req.url) : app.http().post(req.url);
    if (actor) void call.set(await authHeaders(actor));
    for (const [k, v] of Object.entries(req.headers ?? {})) void call.set(k, v);
    return req.body === undefined ? call : call.send(req.body as object);
  }

  it('answers every route of the access policy as its schema says (commands with a stale If-Match: 412)', async () => {
    const problems: string[] = [];
    const probes = probesFromPolicy();
    expect(probes.length).toBeGreaterThan(40);
    for (const probe of probes) {
      const req = probe.request(world);
      const res = await send(fullCaller(probe.grants), req);
      expect({ probe: probe.name, status: res.status }).toEqual({ probe: probe.name, status: probe.success });
      problems.push(...conforms(req.method, req.url, res));
    }
    expect(problems).toEqual([]);
  });

  it('answers the rest as documented too: a command accepted, health, an erasure, and refusals', async () => {
    const calls: [Actor | undefined, ProbeRequest][] = [
      [REFERENT, { method: 'POST', url: `/trajectories/${world.a.id}/commands/record-note`, body: { occurredAt: '2026-03-02', category: 'contact-attempt' } }],
      [undefined, { method: 'GET', url: '/health' }],
      [undefined, { method: 'GET', url: '/health?verbose=1' }],
      [COORDINATOR, { method: 'GET', url: `/trajectories/${world.a.id}/history?at=2026-01-20T12:00:00Z` }],
      [COORDINATOR, { method: 'GET', url: '/caseload?stage=nowhere' }],
      [COORDINATOR, { method: 'GET', url: '/conventions/nope' }],
      [AUDITOR, { method: 'GET', url: '/trajectories/00000000-0000-4000-8000-000000000000/verify' }],
      [COORDINATOR, { method: 'POST', url: `/trajectories/${world.a.id}/commands/sign-contract`, body: { occurredAt: '2026-03-02', party: 'nobody' } }],
      [undefined, { method: 'GET', url: '/deadlines' }],
      [ADMIN, { method: 'POST', url: '/conventions', body: { funder: 'caf-x', programme: 'asll-test', year: 2026, prices: { perMonth: 190 }, yearlyCap: 100 } }],
      [ADMIN, { method: 'POST', url: `/households/${world.b.householdId}/erasure`, body: { reason: 'household-request' } }],
      [ADMIN, { method: 'POST', url: `/households/${world.b.householdId}/erasure`, body: { reason: 'household-request' } }],
    ];
    const statuses: number[] = [];
    const problems: string[] = [];
    for (const [actor, req] of calls) {
      const res = await send(actor, req);
      statuses.push(res.status);
      problems.push(...conforms(req.method, req.url, res));
    }
    expect(statuses).toEqual([200, 200, 400, 200, 400, 404, 404, 400, 401, 400, 200, 409]);
    expect(problems).toEqual([]);
  });

  it('answers the operations jobs as documented, from 202 to their finished report', async () => {
    const problems: string[] = [];
    const starts: [Actor, ProbeRequest][] = [
      [AUDITOR, { method: 'POST', url: '/audit/verifications' }],
      [ADMIN, { method: 'POST', url: '/admin/projections/caseload/rebuild' }],
    ];
    const finished: unknown[] = [];
    for (const [actor, req] of starts) {
      const started = await send(actor, req);
      expect(started.status).toBe(202);
      problems.push(...conforms(req.method, req.url, started));
      const poll: ProbeRequest = { method: 'GET', url: String(started.headers.location) };
      const done = await waitFor(async () => {
        const res = await send(actor, poll);
        problems.push(...conforms(poll.method, poll.url, res));
        return res.body.status === 'running' ? undefined : res;
      }, `${req.url} to finish`);
      finished.push(done.body);
    }
    // Finished with their result, so the result's schema was checked too.
    expect(finished).toEqual([
      expect.objectContaining({ kind: 'verification', status: 'succeeded', result: expect.objectContaining({ intact: true }) }),
      expect.objectContaining({ kind: 'rebuild', status: 'succeeded', result: expect.objectContaining({ projection: 'caseload' }) }),
    ]);
    expect(problems).toEqual([]);
  });

  it('is strict: an undocumented member in an answer is reported', async () => {
    const req: ProbeRequest = { method: 'GET', url: `/conventions/${world.conventionId}/consumption` };
    const res = await send(COORDINATOR, req);
    expect(conforms(req.method, req.url, res)).toEqual([]);
    res.body.totalEuros = 1;
    expect(conforms(req.method, req.url, res).join('\n')).toMatch(/must NOT have additional properties.*totalEuros/);
  });
});
