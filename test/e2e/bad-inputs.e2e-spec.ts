// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import fc from 'fast-check';
import { waitFor } from '../../projections/core/testing/wait-for';
import type { Response } from 'supertest';
import { TRAJECTORY_COMMANDS } from '../../workflows/trajectory/src';
import { type Actor, authHeaders } from './support/auth';
import { ADMIN, AUDITOR, COORDINATOR, e2eCatalogue, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { type FuzzTally, fuzzRequest, fuzzRoutes, HOSTILE_VALUES, nestedJson, pathParamsOf } from './support/input-fuzz';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { TrajectoryClient } from './support/trajectory-client';

const UNKNOWN_ID = '0f8b5a4e-2c1d-4e3f-8a9b-7c6d5e4f3a2b';

function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: `urn:accompagnement:problem:${code}`, status, title: expect.any(String), detail: expect.any(String) });
}

describe.each(STORE_KINDS)('journey 5: bad inputs get problem details, never a 500 (%s)', (kind) => {
  let e2e: E2eApp;
  let t: TrajectoryClient;
  // The head of service may run every command: what these tests meet is validation, not the policy.
  let auth: Record<string, string>;
  beforeAll(async () => {
    // The read models (caseload, deadlines, conventions) must exist on PostgreSQL too, where the worker
    // would run their projections: here the API runs them, so every route meets its input checks.
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue(), projectionsInApi: true });
    auth = await authHeaders(COORDINATOR);
    await waitFor(async () => (await e2e.http().get('/conventions').set(auth)).status === 200 && (await e2e.http().get('/caseload').set(auth)).status === 200, 'the read models');
    t = new TrajectoryClient(e2e, COORDINATOR);
    await t.open(saisine('2026-03-02'), SECRETARY);
  }, 120_000);
  afterAll(() => e2e.close());

  const post = (path: string) => e2e.http().post(path).set(auth);
  const get = (path: string) => e2e.http().get(path).set(auth);
  const command = (name: string) => post(`/trajectories/${t.id}/commands/${name}`);
  const openTrajectory = async () => {
    const own = new TrajectoryClient(e2e, COORDINATOR);
    await own.open(saisine('2026-03-02'), SECRETARY);
    return own.id;
  };

  it('malformed JSON -> 400 malformed-json', async () => {
    expectProblem(await post('/trajectories').set('content-type', 'application/json').send('{"occurredAt": "2026-03-02",'), 400, 'malformed-json');
    expectProblem(await command('record-note').set('content-type', 'application/json').send('not json'), 400, 'malformed-json');
  });

  it('unknown command -> 404 unknown-command with the list of commands', async () => {
    const res = await command('teleport').send({ occurredAt: '2026-03-03' });
    expectProblem(res, 404, 'unknown-command');
    expect(res.body.commands).toEqual(expect.arrayContaining(['assign-referent', 'sign-contract', 'withdraw']));
    expect(res.body.commands).not.toContain('receive-saisine');
  });

  it('wrong types -> 400 invalid-input naming each field, nested ones with their path', async () => {
    const res = await post('/trajectories').send(
      saisine('2026-03-02', {
        motives: 'unpaid-rent',
        household: { composition: 'single', childrenCount: 'two', ageBand: '35-44', referenceGender: 'female', mainResources: 'rsa' },
        personal: { household: { phone: 'call me maybe' } },
      }),
    );
    expectProblem(res, 400, 'invalid-input');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['motives', 'household.childrenCount', 'personal.household.phone']));
  });

  it('missing fields and unknown fields -> 400 invalid-input', async () => {
    const missing = await post('/trajectories').send({ occurredAt: '2026-03-02' });
    expectProblem(missing, 400, 'invalid-input');
    expect((missing.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['programmeCode', 'prescriber', 'motives', 'household']),
    );
    const extra = await command('assign-referent').send({ occurredAt: '2026-03-03', referentId: 'r-1', isAdmin: true });
    expectProblem(extra, 400, 'invalid-input');
    expect(extra.body.errors).toEqual([{ field: 'isAdmin', reason: 'property isAdmin should not exist', reasonFr: 'la propriété isAdmin n’est pas attendue' }]);
  });

  it('bad enums and impossible dates -> 400 invalid-input', async () => {
    expectProblem(await command('record-first-contact').send({ occurredAt: '2026-03-03', mode: 'carrier-pigeon' }), 400, 'invalid-input');
    const date = await command('assign-referent').send({ occurredAt: '2026-02-30', referentId: 'r-1' });
    expectProblem(date, 400, 'invalid-input');
    expect(date.body.errors).toEqual([{ field: 'occurredAt', reason: 'must be a calendar date YYYY-MM-DD', reasonFr: 'doit être une date du calendrier AAAA-MM-JJ' }]);
  });

  it('a date in the future or before the opening -> 400', async () => {
    e2e.clock.set('2026-03-10T10:00:00Z');
    const future = await command('assign-referent').send({ occurredAt: '2026-03-11', referentId: 'r-1' });
    expectProblem(future, 400, 'occurred-in-future');
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    expectProblem(await command('assign-referent').send({ occurredAt: '2026-03-01', referentId: 'r-1' }), 400, 'occurred-before-opening');
    expectProblem(await post('/trajectories').send(saisine('2026-03-11')), 400, 'occurred-in-future');
  });

  it('an unknown programme -> 400, not a new trajectory', async () => {
    const res = await post('/trajectories').send(saisine('2026-03-02', { programmeCode: 'no-such-programme' }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a 2 MB body -> 413 payload-too-large', async () => {
    const body = JSON.stringify({ occurredAt: '2026-03-03', personal: { text: 'x'.repeat(2 * 1024 * 1024) } });
    expectProblem(await command('record-note').set('content-type', 'application/json').send(body), 413, 'payload-too-large');
  });

  it('a body that is not JSON -> 415', async () => {
    expectProblem(await command('record-note').set('content-type', 'text/plain').send('hello'), 415, 'unsupported-media-type');
  });

  it('an unknown id -> 404 trajectory-not-found; a malformed id -> 400', async () => {
    expectProblem(await get(`/trajectories/${UNKNOWN_ID}`), 404, 'trajectory-not-found');
    expectProblem(await get(`/trajectories/${UNKNOWN_ID}/history`), 404, 'trajectory-not-found');
    expectProblem(await post(`/trajectories/${UNKNOWN_ID}/commands/record-note`).send({ occurredAt: '2026-03-03' }), 404, 'trajectory-not-found');
    expectProblem(await get('/trajectories/42'), 400, 'invalid-trajectory-id');
    expectProblem(await post('/trajectories/%27%20OR%201=1/commands/record-note').send({ occurredAt: '2026-03-03' }), 400, 'invalid-trajectory-id');
  });

  it('bad headers and query -> 400', async () => {
    expectProblem(await command('record-note').set('if-match', 'W/"1"').send({ occurredAt: '2026-03-03' }), 400, 'invalid-if-match');
    expectProblem(await command('record-note').set('if-match', '"99"').send({ occurredAt: '2026-03-03' }), 412, 'precondition-failed');
    expectProblem(await t.history('yesterday'), 400, 'invalid-query');
    expectProblem(await t.history('2020-01-01T00:00:00Z'), 404, 'trajectory-not-found');
    expectProblem(await command('record-note').set('authorization', 'Bearer emperor').send({ occurredAt: '2026-03-03' }), 401, 'invalid-token');
    expectProblem(await e2e.http().get('/no/such/route'), 404, 'route-not-found');
  });

  it('random bodies on every command never produce a 5xx', async () => {
    const names = [...TRAJECTORY_COMMANDS];
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ occurredAt: fc.oneof(fc.constant('2026-03-03'), fc.string()), personal: fc.jsonValue() }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('occurredAt', 'party', 'mode', 'code', 'briqueCode', 'referentId', 'orientation', 'ratings', 'personal', '__proto__', 'constructor'), fc.jsonValue()),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), body, async (name, payload) => {
        const res = await command(name).set('content-type', 'application/json').send(JSON.stringify(payload));
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/json/);
      }),
      { numRuns: 150 },
    );
  });

  it('a NUL or control character in a query parameter or a path id -> 400 control-character', async () => {
    // The eleven parameters that used to answer 500 (PostgreSQL refuses NUL in text).
    const asked: [string, string, Actor][] = [
      ...['referent', 'programme', 'convention', 'prescriber', 'prescriberKind'].map((q): [string, string, Actor] => ['/caseload', q, COORDINATOR]),
      ...['referent', 'programme', 'convention', 'trajectory'].map((q): [string, string, Actor] => ['/deadlines', q, COORDINATOR]),
      ['/conventions', 'programme', COORDINATOR],
      ['/access-log', 'actor', AUDITOR],
    ];
    for (const [path, name, actor] of asked) {
      for (const value of ['a\u0000b', '\u001b[31m', '\u0007']) {
        const res = await e2e.http().get(`${path}?${name}=${encodeURIComponent(value)}`).set(await authHeaders(actor));
        expectProblem(res, 400, 'control-character');
        expect(res.body.errors).toEqual([{ field: `query:${name}`, reason: 'contains a control character' }]);
      }
    }
    const id = await get(`/conventions/${encodeURIComponent('conv\u00002026')}`);
    expectProblem(id, 400, 'control-character');
    expect(id.body.errors).toEqual([{ field: 'path:id', reason: 'contains a control character' }]);
    expectProblem(await get(`/trajectories/${encodeURIComponent(`${t.id}\u0000`)}`), 400, 'control-character');
    expectProblem(await get(`/caseload?${encodeURIComponent('stage\u0000')}=open`), 400, 'control-character');
    expect((await get(`/caseload?referent=${encodeURIComponent('référente 1')}`)).status).toBe(200);
  });

  it('a query parameter the route does not take -> 400 naming it and the accepted ones; one given twice -> 400', async () => {
    const res = await get('/caseload?referentId=x');
    expectProblem(res, 400, 'unknown-query-parameter');
    expect(res.body.unknown).toEqual(['referentId']);
    expect(res.body.accepted).toEqual(['asOf', 'convention', 'includeClosed', 'limit', 'offset', 'prescriber', 'prescriberKind', 'programme', 'referent', 'stage', 'status']);
    expect(res.body.detail).toContain('referentId');
    const none = await get(`/trajectories/${t.id}?verbose=1`);
    expectProblem(none, 400, 'unknown-query-parameter');
    expect(none.body.accepted).toEqual([]);
    expectProblem(await get(`/trajectories/${t.id}/history?at=2026-03-02T10:00:00Z&format=csv`), 400, 'unknown-query-parameter');
    expect((await get('/caseload?referent=referent-1')).status).toBe(200);
    const twice = await get('/caseload?stage=diagnostic&stage=closed');
    expectProblem(twice, 400, 'invalid-query');
    expect(twice.body.errors).toEqual([{ field: 'query:stage', reason: 'given more than once' }]);
  });

  it('JSON nested deeper than 64 levels -> 400 json-too-deep, before validation', async () => {
    const deep = JSON.stringify({ occurredAt: '2026-03-03', personal: JSON.parse(nestedJson(3000)) });
    expectProblem(await command('record-note').set('content-type', 'application/json').send(deep), 400, 'json-too-deep');
    expectProblem(await post('/trajectories').set('content-type', 'application/json').send(nestedJson(65)), 400, 'json-too-deep');
    // 64 levels are parsed and meet validation; brackets inside strings are not nesting.
    expectProblem(await post('/trajectories').set('content-type', 'application/json').send(nestedJson(64)), 400, 'invalid-input');
    // On a trajectory of its own: the random bodies above may have closed the shared one.
    const own = await openTrajectory();
    const text = await post(`/trajectories/${own}/commands/record-note`).send({ occurredAt: '2026-03-02', personal: { text: '['.repeat(5000) } });
    expect(text.status).toBe(200);
    // Still Fastify's parser behind the bound: a charset parameter is fine, prototype poisoning is not.
    const charset = await post(`/trajectories/${own}/commands/record-note`).set('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ occurredAt: '2026-03-02' }));
    expect(charset.status).toBe(200);
    expectProblem(await command('record-note').set('content-type', 'application/json').send('{"occurredAt":"2026-03-03","__proto__":{"isAdmin":true}}'), 400, 'malformed-json');
  });

  it("a token whose subject is empty or not 1-128 plain characters -> 401, even with a valid signature", async () => {
    for (const id of ['', 'referent-1\u001b[2K', 'x'.repeat(129), 'referent 1']) {
      expectProblem(await e2e.http().get('/caseload').set(await authHeaders({ id, role: 'referent' })), 401, 'invalid-token');
    }
    expect((await e2e.http().get('/caseload').set(await authHeaders(REFERENT))).status).toBe(200);
  });

  it('an occurredAt before the lower bound (1990-01-01 by default) -> 400 occurred-before-minimum', async () => {
    const old = await post('/trajectories').send(saisine('1989-12-31'));
    expectProblem(old, 400, 'occurred-before-minimum');
    expect(old.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    expectProblem(await post(`/trajectories/${await openTrajectory()}/commands/record-note`).send({ occurredAt: '0001-01-01' }), 400, 'occurred-before-minimum');
  });

  it('fuzz: every route x parameter with NUL, controls, overlong values and deep JSON never produces a 5xx', async () => {
    const tally: FuzzTally = { requests: 0, serverErrors: [] };
    const callers = { coordinator: COORDINATOR, auditor: AUDITOR, admin: ADMIN };
    const routes = fuzzRoutes({ id: t.id, command: 'record-note', funder: 'departement-x' }, callers);
    const conventionPaths = new Set(['/conventions/:id', '/conventions/:id/consumption', '/conventions/:id/dashboard', '/conventions/:id/report']);
    const householdPaths = new Set(['/households/:id/erasure', '/households/:id/export']);
    for (const route of routes) {
      const base: Record<string, string> = conventionPaths.has(route.policy.path) ? { id: 'conv-2026' } : householdPaths.has(route.policy.path) ? { id: t.householdId || UNKNOWN_ID } : {};
      const path = route.path(base);
      // The route says which query parameters it takes when asked one it does not.
      const probe = await e2e.http()[route.policy.method.toLowerCase() as 'get' | 'post'](`${path}?__probe=1`).set(await authHeaders(route.actor));
      tally.requests++;
      const accepted: string[] = probe.body?.code === 'unknown-query-parameter' ? probe.body.accepted : [];
      for (const value of HOSTILE_VALUES) {
        for (const name of accepted) await fuzzRequest(e2e, tally, route, { path, query: [[name, value]] });
        for (const param of pathParamsOf(route)) await fuzzRequest(e2e, tally, route, { path: route.path({ ...base, [param]: value }) });
        await fuzzRequest(e2e, tally, route, { path, query: [[value || 'empty', '1']] });
      }
      for (const name of accepted) await fuzzRequest(e2e, tally, route, { path, query: [[name, '1'], [name, '2']] });
      if (route.policy.method === 'POST') {
        for (const levels of [63, 64, 65, 1000, 100_000]) await fuzzRequest(e2e, tally, route, { path, body: nestedJson(levels) });
        for (const value of HOSTILE_VALUES) await fuzzRequest(e2e, tally, route, { path, body: JSON.stringify({ occurredAt: value, referentId: value, text: value }) });
      }
    }
    // The closing note of issue 15 quotes this line.
    process.stdout.write(`bad-inputs fuzz (${kind}): ${tally.requests} requests over ${routes.length} routes, ${tally.serverErrors.length} answered 5xx\n`);
    expect(tally.serverErrors).toEqual([]);
    expect(tally.requests).toBeGreaterThan(500);
  }, 120_000);
});

