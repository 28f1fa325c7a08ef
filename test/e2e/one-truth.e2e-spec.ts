import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi.setup';
import { startProjectionsApp, type ProjectionsApp } from '../../apps/api/src/projections/testing/projections-app.harness';
import type { E2eApp } from './support/e2e-app';
import { COORDINATOR, GRID, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { authHeaders } from './support/auth';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';

const ADMIN = { id: 'admin-1', role: 'admin' };

type Due = { kind: string; dueOn: string; briqueCode?: string | null; status: string };

/**
 * Issue 12: one obligation, one date. A brique starts on 2026-02-02, a point is recorded dated
 * 2026-03-10, then a back-dated point dated 2026-03-01: the trajectory view, /deadlines and
 * /caseload all say the next point is due 2026-04-10 (the latest point counts).
 */
describe('what a trajectory owes is computed once (issue 12, pglite)', () => {
  let p: ProjectionsApp;
  let e2e: E2eApp;
  let t: TrajectoryClient;
  let conventionId = '';

  beforeAll(async () => {
    p = await startProjectionsApp({ now: '2026-01-02T09:00:00Z' });
    e2e = { kind: 'pglite', ...p };
    const created = await p
      .http()
      .post('/conventions')
      .set(await authHeaders(ADMIN))
      .send({ funder: 'departement-x', programme: 'asll-test', year: 2026, prices: { perMonthCents: 19000 }, yearlyCapCents: 4000000, funderShares: [{ funder: 'departement-x', share: 1 }] });
    expect(created.status).toBe(201);
    conventionId = created.body.id;

    t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-01-05', { conventionId }), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit' });
    await t.run('record-evaluation-grid', { occurredAt: '2026-01-20', ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: '2026-01-22', outcome: 'propose-accompaniment', householdSigned: true });
    await t.run('draft-contract', { occurredAt: '2026-01-26', measureType: 'ASLL', briques: ['2.1'], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' });
    await t.run('sign-contract', { occurredAt: '2026-01-30', party: 'household' });
    await t.run('sign-contract', { occurredAt: '2026-02-01', party: 'referent' });
    await t.run('start-brique', { occurredAt: '2026-02-02', code: '2.1' });
    await t.run('record-point', { occurredAt: '2026-03-10', briqueCode: '2.1', mode: 'home-visit', personal: { summary: 'Point de mars' } });
    advanceTo(e2e, '2026-03-20');
    // Back-dated: recorded on 20 March about 1 March. The rules accept it.
    await t.run('record-point', { occurredAt: '2026-03-01', briqueCode: '2.1', mode: 'phone', personal: { summary: 'Appel oublié' } });
    await p.caughtUp();
  }, 120_000);
  afterAll(() => p?.close());

  it('gives one date for the next point everywhere: view, /deadlines, /caseload', async () => {
    const view = await t.state();
    expect(view.status).toBe(200);
    const viewPoint = (view.body.nextDeadlines as Due[]).find((d) => d.kind === 'point');
    expect(viewPoint).toMatchObject({ kind: 'point', briqueCode: '2.1', dueOn: '2026-04-10', status: 'upcoming' });

    const deadlines = await p.http().get('/deadlines').query({ trajectory: t.id }).set(await authHeaders(COORDINATOR));
    expect(deadlines.status).toBe(200);
    const rows = (deadlines.body.items as Due[]).map((d) => [d.kind, d.dueOn, d.status]);
    // The same list, in the same order, as the view's.
    expect(rows).toEqual((view.body.nextDeadlines as Due[]).map((d) => [d.kind, d.dueOn, d.status]));
    expect(rows).toEqual([
      ['point', '2026-04-10', 'upcoming'],
      ['bilan', '2026-05-01', 'upcoming'],
      ['measure-end', '2026-08-01', 'upcoming'],
    ]);

    const caseload = await p.http().get('/caseload').set(await authHeaders(COORDINATOR));
    expect(caseload.status).toBe(200);
    const item = caseload.body.items.find((i: { trajectoryId: string }) => i.trajectoryId === t.id);
    expect(item.nextDeadline).toEqual({ kind: 'point', dueOn: '2026-04-10', status: 'upcoming', briqueCode: '2.1' });
    expect(item.stage).toBe(view.body.stage);
  });

  it("lists the measure's whole schedule ahead and counts its month-measures as the funder does", async () => {
    const view = await t.state();
    expect((view.body.schedule as Due[]).map((d) => [d.kind, d.dueOn])).toEqual([
      ['point', '2026-04-10'],
      ['bilan', '2026-05-01'],
      ['bilan', '2026-08-01'],
      ['measure-end', '2026-08-01'],
    ]);
    expect(view.body.monthMeasures).toEqual({ count: 2, months: ['2026-02', '2026-03'] });
    const consumption = await p.http().get(`/conventions/${conventionId}/consumption`).query({ year: 2026 }).set(await authHeaders(COORDINATOR));
    expect(consumption.status).toBe(200);
    expect(consumption.body.lines.find((l: { kind: string }) => l.kind === 'month-measure')).toMatchObject({ quantity: view.body.monthMeasures.count });
  });

  it('decides /deadlines statuses as of a Paris date (?asOf=), from the events recorded so far', async () => {
    const asOf = await p.http().get('/deadlines').query({ trajectory: t.id, asOf: '2026-04-25' }).set(await authHeaders(COORDINATOR));
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ today: '2026-04-25', asOf: '2026-04-25' });
    expect((asOf.body.items as Due[]).map((d) => [d.kind, d.dueOn, d.status])).toEqual([
      ['point', '2026-04-10', 'overdue'],
      ['bilan', '2026-05-01', 'due-soon'],
      ['measure-end', '2026-08-01', 'upcoming'],
    ]);
    const overdue = await p.http().get('/deadlines').query({ status: 'overdue', asOf: '2026-04-25' }).set(await authHeaders(COORDINATOR));
    expect((overdue.body.items as (Due & { trajectoryId: string })[]).map((d) => [d.trajectoryId, d.kind])).toEqual([[t.id, 'point']]);
    // Without asOf: today (20 March), nothing of it is overdue.
    const now = await p.http().get('/deadlines').query({ status: 'overdue', trajectory: t.id }).set(await authHeaders(COORDINATOR));
    expect(now.body).toMatchObject({ today: '2026-03-20', total: 0, items: [] });
    expect(now.body.asOf).toBeUndefined();
  });

  it('decides the caseload next deadline status as of a Paris date (?asOf=)', async () => {
    const asOf = await p.http().get('/caseload').query({ asOf: '2026-04-25' }).set(await authHeaders(COORDINATOR));
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ today: '2026-04-25', asOf: '2026-04-25' });
    const item = asOf.body.items.find((i: { trajectoryId: string }) => i.trajectoryId === t.id);
    expect(item.nextDeadline).toEqual({ kind: 'point', dueOn: '2026-04-10', status: 'overdue', briqueCode: '2.1' });
    // The status filter is decided against the same date: overdue as of 25 April, not today (20 March).
    const overdueThen = await p.http().get('/caseload').query({ asOf: '2026-04-25', status: 'overdue' }).set(await authHeaders(COORDINATOR));
    expect(overdueThen.status).toBe(200);
    expect(overdueThen.body.items.map((i: { trajectoryId: string }) => i.trajectoryId)).toContain(t.id);
    expect(overdueThen.body.items.every((i: { nextDeadline: { status: string } }) => i.nextDeadline.status === 'overdue')).toBe(true);
    expect(overdueThen.body.total).toBe(overdueThen.body.items.length);
    const overdueNow = await p.http().get('/caseload').query({ status: 'overdue' }).set(await authHeaders(COORDINATOR));
    expect(overdueNow.body.items.map((i: { trajectoryId: string }) => i.trajectoryId)).not.toContain(t.id);
    const soonNow = await p.http().get('/caseload').query({ status: 'due-soon' }).set(await authHeaders(COORDINATOR));
    expect(soonNow.body.items.every((i: { nextDeadline: { status: string } }) => i.nextDeadline.status === 'due-soon')).toBe(true);
    expect((await p.http().get('/caseload').query({ status: 'late' }).set(await authHeaders(COORDINATOR))).status).toBe(400);
  });

  it('builds the history as of a business date (?asOf=) beside ?at= (recording instant), and says which it used', async () => {
    // By business date, 5 March includes the point dated 1 March although it was recorded on 20 March.
    const asOf = await p.http().get(`/trajectories/${t.id}/history`).query({ asOf: '2026-03-05' }).set(await authHeaders(COORDINATOR));
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ asOf: '2026-03-05', selectedBy: 'occurredAt' });
    expect(asOf.body.events.map((e: { type: string; occurredAt: string }) => e.occurredAt <= '2026-03-05')).not.toContain(false);
    expect(asOf.body.events.filter((e: { type: string }) => e.type === 'PointRecorded').map((e: { occurredAt: string }) => e.occurredAt)).toEqual(['2026-03-01']);
    expect(asOf.body.state).toMatchObject({ stage: 'briques', version: asOf.body.version });
    expect((asOf.body.state.nextDeadlines as Due[]).find((d) => d.kind === 'point')).toMatchObject({ dueOn: '2026-04-01', status: 'upcoming' });
    // By recording instant, 5 March had not seen that point yet: the point was due 2 March, overdue then.
    const at = await p.http().get(`/trajectories/${t.id}/history`).query({ at: '2026-03-05T12:00:00Z' }).set(await authHeaders(COORDINATOR));
    expect(at.status).toBe(200);
    expect(at.body).toMatchObject({ at: '2026-03-05T12:00:00.000Z', selectedBy: 'recordedAt' });
    expect((at.body.state.nextDeadlines as Due[]).find((d) => d.kind === 'point')).toMatchObject({ dueOn: '2026-03-02', status: 'overdue' });
  });

  it('answers a case entered today with past business dates as of a past date, where ?at= says it did not exist yet', async () => {
    const late = new TrajectoryClient(e2e, REFERENT);
    // Recorded on 20 March (the clock), about a saisine received on 2 February.
    await late.open(saisine('2026-02-02', { conventionId }), SECRETARY);
    await late.run('assign-referent', { occurredAt: '2026-02-03', referentId: REFERENT.id }, { actor: COORDINATOR });
    const at = await p.http().get(`/trajectories/${late.id}/history`).query({ at: '2026-03-01T12:00:00Z' }).set(await authHeaders(COORDINATOR));
    expect(at.status).toBe(404);
    const asOf = await p.http().get(`/trajectories/${late.id}/history`).query({ asOf: '2026-03-01' }).set(await authHeaders(COORDINATOR));
    expect(asOf.status).toBe(200);
    expect(asOf.body.state).toMatchObject({ stage: 'saisine', referent: { id: REFERENT.id }, nextDeadlines: [expect.objectContaining({ kind: 'first-contact', dueOn: '2026-02-17', status: 'overdue' })] });
    const before = await p.http().get(`/trajectories/${late.id}/history`).query({ asOf: '2026-02-01' }).set(await authHeaders(COORDINATOR));
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('trajectory-not-found');
  });

  it.each([
    ['/deadlines', { asOf: '2026-02-30' }],
    ['/deadlines', { asOf: '20-04-2026' }],
    ['/caseload', { asOf: '2026-4-20' }],
    ['/caseload', { asOf: 'yesterday' }],
    ['history', { asOf: '2026-13-01' }],
    ['history', { asOf: '2026-03-01', at: '2026-03-01T00:00:00Z' }],
  ])('refuses a bad as-of query on %s %j with 400 problem details', async (route, query) => {
    const url = route === 'history' ? `/trajectories/${t.id}/history` : route;
    const res = await p.http().get(url).query(query).set(await authHeaders(COORDINATOR));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'invalid-query', errors: [expect.objectContaining({ field: 'query:asOf' })] });
  });

  it('documents asOf on /deadlines, /caseload and the history in the OpenAPI document', () => {
    const doc: OpenAPIObject = buildOpenApiDocument(p.app);
    const asOfOf = (path: string) => (doc.paths[path].get?.parameters as ParameterObject[]).find((x) => x.name === 'asOf');
    for (const path of ['/deadlines', '/caseload', '/trajectories/{id}/history']) {
      expect(asOfOf(path)).toMatchObject({ in: 'query', required: false, schema: { type: 'string', format: 'date' } });
    }
  });
});

