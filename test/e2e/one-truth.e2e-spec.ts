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
});
