import type { Response } from 'supertest';
import { COMMAND_POLICY, ROUTE_POLICY, routePolicy } from '../../apps/api/src/auth/access-policy';
import { TRAJECTORY_COMMANDS } from '../../workflows/trajectory/src';
import { type AccessApp, startAccessApp } from './support/access-app';
import { type AccessWorld, PERSONAL_MARKERS, seedAccessWorld } from './support/access-world';
import { type Actor, authHeaders } from './support/auth';
import { CALLERS, expectedStatus, type Probe, type ProbeRequest, probesFromPolicy } from './support/policy-matrix';
import { FUNDER, OTHER_FUNDER, OTHER_PARTNER, OTHER_PRESCRIBER, OTHER_VALIDATOR, PARTNER, PRESCRIBER, REFERENT, SECRETARY, VALIDATOR } from './support/fixtures';

/** Sends a probe as a caller; every answer to an outsider or the front desk is kept for the privacy scan. */
async function send(app: AccessApp, caller: Actor, req: ProbeRequest): Promise<Response> {
  const call = req.method === 'GET' ? app.http().get(req.url) : app.http().post(req.url);
  void call.set(await authHeaders(caller));
  for (const [k, v] of Object.entries(req.headers ?? {})) void call.set(k, v);
  return req.body === undefined ? call : call.send(req.body as object);
}

/** Routes as Fastify holds them, from its route tree: "GET /trajectories/:id", ... (HEAD and OPTIONS left out). */
function servedRoutes(app: AccessApp): string[] {
  const tree = app.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const routes: string[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m || !m[2]) continue;
    const depth = m[1].length;
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const path = (stack.length ? stack[stack.length - 1].path : '') + m[2];
    stack.push({ depth, path });
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

/** Roles that never see personal data: their every answer goes through the privacy scan. */
const OUTSIDERS: readonly string[] = ['secretary', 'prescriber', 'validator', 'partner', 'funder'];

describe('access policy: every endpoint as every role, generated from apps/api/src/auth/access-policy.ts', () => {
  let app: AccessApp;
  let world: AccessWorld;
  const outsiderAnswers: { who: string; what: string; res: Response }[] = [];

  beforeAll(async () => {
    app = await startAccessApp();
    world = await seedAccessWorld(app);
  });
  afterAll(() => app?.close());

  it('has a policy for every route the app serves and every command it knows', () => {
    const served = servedRoutes(app).filter((r) => !r.startsWith('GET /docs'));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((r) => !routePolicy(r.split(' ')[0], r.slice(r.indexOf(' ') + 1)))).toEqual([]);
    expect(Object.keys(COMMAND_POLICY).sort()).toEqual([...TRAJECTORY_COMMANDS].sort());
    expect(ROUTE_POLICY.filter((p) => p.access === 'public').map((p) => p.path)).toEqual(['/health']);
  });

  const probes: Probe[] = probesFromPolicy();

  it.each(probes.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const mismatches: string[] = [];
    for (const caller of CALLERS) {
      const grant = probe.grants[caller.actor.role];
      const want = expectedStatus(grant, caller, probe.success);
      const res = await send(app, caller.actor, probe.request(world));
      if (OUTSIDERS.includes(caller.actor.role)) outsiderAnswers.push({ who: caller.label, what: probe.name, res });
      if (res.status !== want) mismatches.push(`${caller.label} (${caller.actor.role}): got ${res.status} ${res.body?.code ?? ''}, want ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses every guarded endpoint without a token (401) and with a forged one', async () => {
    for (const probe of probes) {
      const req = probe.request(world);
      const anonymous = await (req.method === 'GET' ? app.http().get(req.url) : app.http().post(req.url).send((req.body ?? {}) as object));
      expect({ probe: probe.name, status: anonymous.status, code: anonymous.body.code }).toEqual({ probe: probe.name, status: 401, code: 'authentication-required' });
    }
    const forged = await app.http().get(`/trajectories/${world.a.id}`).set('authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImF1ZGl0b3IifQ.');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid-token');
  });

  it('narrows a referent to their own caseload and deadlines', async () => {
    const mine = await app.http().get('/caseload').set(await authHeaders(REFERENT));
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { trajectoryId: string }) => i.trajectoryId)).toEqual([world.a.id]);
    expect(mine.body.counts.byReferent).toEqual([{ referentId: REFERENT.id, count: 1 }]);
    const theirs = await app.http().get('/caseload').query({ referent: 'referent-2' }).set(await authHeaders(REFERENT));
    expect(theirs.status).toBe(403);
    expect(theirs.body.code).toBe('own-caseload-only');
    const deadlines = await app.http().get('/deadlines').set(await authHeaders(REFERENT));
    expect(new Set(deadlines.body.items.map((d: { trajectoryId: string }) => d.trajectoryId))).toEqual(new Set([world.a.id]));
  });

  it('gives the front desk a trajectory without diagnostic content, and a prescriber only the stage', async () => {
    const desk = await app.http().get(`/trajectories/${world.a.id}`).set(await authHeaders(SECRETARY));
    expect(desk.status).toBe(200);
    expect(desk.body).toMatchObject({ id: world.a.id, stage: 'contract', referent: { id: REFERENT.id } });
    expect(Object.keys(desk.body.details).sort()).toEqual(['cycle', 'firstContact', 'motives', 'prescriber']);
    expect(desk.body.details).not.toHaveProperty('diagnostic');
    const sent = await app.http().get(`/trajectories/${world.a.id}`).set(await authHeaders(PRESCRIBER));
    expect(sent.body).toEqual({ id: world.a.id, stage: 'contract', status: 'active' });
    const notSent = await app.http().get(`/trajectories/${world.a.id}`).set(await authHeaders(OTHER_PRESCRIBER));
    expect(notSent.status).toBe(404);
    expect(notSent.body.code).toBe('trajectory-not-found');
  });

  it('lists to a prescriber its saisines, to a validator what was submitted to it, to a partner its trajectories', async () => {
    // The probes above may have sent more saisines in lmh's name: world.a is one of them, world.b is not.
    const saisines = await app.http().get('/saisines').set(await authHeaders(PRESCRIBER));
    expect(saisines.body.items).toContainEqual({ id: world.a.id, receivedOn: '2026-01-05', stage: 'contract', status: 'active' });
    expect(saisines.body.items.map((i: { id: string }) => i.id)).not.toContain(world.b.id);
    expect(new Set(saisines.body.items.flatMap((i: object) => Object.keys(i)))).toEqual(new Set(['id', 'receivedOn', 'stage', 'status']));
    expect((await app.http().get('/saisines').set(await authHeaders(OTHER_PRESCRIBER))).body.items.map((i: { id: string }) => i.id)).toEqual([world.b.id]);

    const submitted = await app.http().get('/validations').set(await authHeaders(VALIDATOR));
    expect(submitted.body.items).toMatchObject([{ trajectoryId: world.a.id, validatorId: 'fsl-69', status: 'awaiting', submittedOn: '2026-01-29', submission: { briques: ['2.1', '2.5'] } }]);
    expect((await app.http().get('/validations').set(await authHeaders(OTHER_VALIDATOR))).body.items).toEqual([]);

    const mine = await app.http().get('/partner/trajectories').set(await authHeaders(PARTNER));
    const a = mine.body.items.find((i: { trajectoryId: string }) => i.trajectoryId === world.a.id);
    expect(a).toMatchObject({ stage: 'contract', relations: ['prescriber'], shared: [{ document: 'diagnostic-recommendations', householdAgreedOn: '2026-01-29' }] });
    expect(a.shared[0]).not.toHaveProperty('text');
    expect(mine.body.items.map((i: { trajectoryId: string }) => i.trajectoryId)).not.toContain(world.b.id);
    expect((await app.http().get('/partner/trajectories').set(await authHeaders(OTHER_PARTNER))).body.items).toEqual([]);
  });

  it('lists to a funder only the conventions it pays for', async () => {
    const mine = await app.http().get('/conventions').set(await authHeaders(FUNDER));
    expect(mine.body.map((c: { id: string }) => c.id)).toEqual([world.conventionId]);
    expect((await app.http().get('/conventions').set(await authHeaders(OTHER_FUNDER))).body).toEqual([]);
  });

  it('never shows personal data to a secretary, a prescriber or a funder, in any answer they can get', async () => {
    // Beyond the matrix: what each of them can also ask for or send.
    const extra: [Actor, ProbeRequest][] = [
      [SECRETARY, { method: 'GET', url: `/trajectories/${world.b.id}` }],
      [SECRETARY, { method: 'GET', url: `/trajectories/${world.a.id}/history` }],
      [SECRETARY, { method: 'GET', url: '/caseload?includeClosed=true' }],
      [SECRETARY, { method: 'GET', url: `/deadlines?trajectory=${world.a.id}` }],
      [PRESCRIBER, { method: 'GET', url: `/trajectories/${world.a.id}/history` }],
      [PRESCRIBER, { method: 'GET', url: `/trajectories/${world.b.id}` }],
      [FUNDER, { method: 'GET', url: `/conventions/${world.conventionId}/report?format=csv` }],
      [FUNDER, { method: 'GET', url: `/conventions/${world.conventionId}/consumption?format=csv` }],
      [FUNDER, { method: 'GET', url: `/conventions/${world.conventionId}/dashboard?month=2026-01&format=csv` }],
      [FUNDER, { method: 'GET', url: '/feeds/departement-x?limit=1000' }],
      [FUNDER, { method: 'GET', url: `/trajectories/${world.a.id}` }],
      [VALIDATOR, { method: 'GET', url: `/trajectories/${world.a.id}` }],
      [PARTNER, { method: 'GET', url: `/trajectories/${world.a.id}/history` }],
    ];
    for (const [actor, req] of extra) outsiderAnswers.push({ who: actor.id, what: `${req.method} ${req.url}`, res: await send(app, actor, req) });
    // The front desk and a prescriber typing personal data get none of it back either.
    const opened = await send(app, SECRETARY, SAMPLE_SAISINE());
    outsiderAnswers.push({ who: SECRETARY.id, what: 'POST /trajectories', res: opened });
    outsiderAnswers.push({ who: PRESCRIBER.id, what: 'POST /trajectories', res: await send(app, PRESCRIBER, SAMPLE_SAISINE()) });
    const contact = await send(app, SECRETARY, {
      method: 'POST',
      url: `/trajectories/${opened.body.trajectoryId}/commands/assign-referent`,
      body: { occurredAt: '2026-03-02', referentId: REFERENT.id },
    });
    expect(contact.status).toBe(403);
    const feed = outsiderAnswers.find((a) => a.what === 'GET /feeds/departement-x?limit=1000');
    expect(feed?.res.body.records.length).toBeGreaterThan(0);

    // The scan would see them: the referent's own history is full of them.
    const own = await send(app, REFERENT, { method: 'GET', url: `/trajectories/${world.a.id}/history` });
    for (const marker of PERSONAL_MARKERS) expect(own.text).toContain(marker);

    const leaks: string[] = [];
    for (const { who, what, res } of outsiderAnswers) {
      const seen = `${JSON.stringify(res.headers)}\n${res.text ?? ''}\n${JSON.stringify(res.body ?? null)}`.toLowerCase();
      for (const marker of PERSONAL_MARKERS) if (seen.includes(marker.toLowerCase())) leaks.push(`${who} / ${what} (${res.status}): "${marker}"`);
    }
    expect(outsiderAnswers.length).toBeGreaterThan(150);
    expect(leaks).toEqual([]);
  });
});

function SAMPLE_SAISINE(): ProbeRequest {
  return probesFromPolicy().find((p) => p.name === 'POST /trajectories')!.request({} as AccessWorld);
}
