// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import fc from 'fast-check';
import type { Response } from 'supertest';
import { TRAJECTORY_COMMANDS } from '../../workflows/trajectory/src';
import { authHeaders } from './support/auth';
import { COORDINATOR, e2eCatalogue, saisine, SECRETARY } from './support/fixtures';
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
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue() });
    auth = await authHeaders(COORDINATOR);
    t = new TrajectoryClient(e2e, COORDINATOR);
    await t.open(saisine('2026-03-02'), SECRETARY);
  });
  afterAll(() => e2e.close());

  const post = (path: string) => e2e.http().post(path).set(auth);
  const get = (path: string) => e2e.http().get(path).set(auth);
  const command = (name: string) => post(`/trajectories/${t.id}/commands/${name}`);

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
});
