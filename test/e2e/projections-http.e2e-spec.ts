import { startProjectionsApp, type ProjectionsApp } from '../../apps/api/src/projections/testing/projections-app.harness';
import { DATABASE_URL } from '../../projections/core/testing/test-database';
import { parseSpreadsheetCsv } from '../../projections/funder/testing/spreadsheet-csv.parser';
import type { E2eApp } from './support/e2e-app';
import { COORDINATOR, GRID, REFERENT, REFERENT_2, saisine, SECRETARY } from './support/fixtures';
import { authHeaders } from './support/auth';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';

const backends: [string, boolean][] = [['pglite', false]];
if (DATABASE_URL) backends.push(['postgres', true]);

const ADMIN = { id: 'admin-1', role: 'admin' };

describe.each(backends)('caseload, deadlines and funder figures over HTTP (%s)', (_kind, postgres) => {
  let p: ProjectionsApp;
  let e2e: E2eApp;
  let conventionId = '';
  const t1 = () => new TrajectoryClient(e2e, REFERENT);
  let one: TrajectoryClient;
  let two: TrajectoryClient;
  let three: TrajectoryClient;

  beforeAll(async () => {
    p = await startProjectionsApp({ postgres, now: '2026-01-02T09:00:00Z' });
    e2e = { kind: postgres ? 'postgres' : 'pglite', ...p };
  });
  afterAll(() => p?.close());

  it('lets only an admin create a convention, checks it, and shows it at once', async () => {
    const body = {
      funder: 'departement-x',
      programme: 'asll-test',
      year: 2026,
      prices: { perDiagnosticCents: 15000, perMonthCents: 19000 },
      yearlyCapCents: 4000000,
      funderShares: [
        { funder: 'departement-x', share: 0.6 },
        { funder: 'caf-x', share: 0.4 },
      ],
    };
    const forbidden = await p.http().post('/conventions').set(await authHeaders(COORDINATOR)).send(body);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('role-not-allowed');
    const invalid = await p.http().post('/conventions').set(await authHeaders(ADMIN)).send({ ...body, year: 'next', funderShares: [{ funder: 'a', share: 0.7 }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('invalid-convention');
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['funderShares', 'year']);
    const created = await p.http().post('/conventions').set(await authHeaders(ADMIN)).send(body);
    expect(created.status).toBe(201);
    conventionId = created.body.id;
    expect(created.headers.location).toBe(`/conventions/${conventionId}`);
    const read = await p.http().get(`/conventions/${conventionId}`).set(await authHeaders(COORDINATOR));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ funder: 'departement-x', programme: 'asll-test', year: 2026, yearlyCapCents: 4000000 });
    expect((await p.http().get('/conventions/unknown').set(await authHeaders(COORDINATOR))).status).toBe(404);
  });

  it('follows trajectories recorded through the API', async () => {
    one = t1();
    await one.open(saisine('2026-01-05', { conventionId }), SECRETARY);
    await one.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
    await one.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit' });
    await one.run('record-evaluation-grid', { occurredAt: '2026-01-27', ratings: GRID });
    await one.run('conclude-diagnostic', { occurredAt: '2026-02-03', outcome: 'propose-accompaniment', householdSigned: true });
    await one.run('draft-contract', { occurredAt: '2026-02-10', measureType: 'ASLL', briques: ['2.1'], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' });
    await one.run('sign-contract', { occurredAt: '2026-02-16', party: 'household' });
    await one.run('sign-contract', { occurredAt: '2026-02-17', party: 'referent' });
    await one.run('start-brique', { occurredAt: '2026-02-20', code: '2.1' });
    await one.run('suspend', { occurredAt: '2026-03-01', reason: 'hospital' });
    await one.run('resume', { occurredAt: '2026-04-01' });

    two = new TrajectoryClient(e2e, REFERENT_2);
    await two.open(saisine('2026-03-02', { conventionId }), SECRETARY);
    await two.run('assign-referent', { occurredAt: '2026-03-02', referentId: REFERENT_2.id }, { actor: COORDINATOR });

    three = t1();
    await three.open(saisine('2026-01-10', { conventionId }), SECRETARY);
    await three.run('assign-referent', { occurredAt: '2026-01-10', referentId: REFERENT.id }, { actor: COORDINATOR });
    await three.run('record-first-contact', { occurredAt: '2026-01-15', mode: 'office' });
    await three.run('record-evaluation-grid', { occurredAt: '2026-01-20', ratings: GRID });
    await three.run('conclude-diagnostic', { occurredAt: '2026-01-22', outcome: 'autonomous', householdSigned: true });

    advanceTo(e2e, '2026-04-20');
    await p.caughtUp();
    const caseload = await p.http().get('/caseload').set(await authHeaders(COORDINATOR));
    expect(caseload.status).toBe(200);
    expect(caseload.body.today).toBe('2026-04-20');
    expect(caseload.body.items.map((i: { trajectoryId: string; stage: string }) => [i.trajectoryId, i.stage])).toEqual([
      [two.id, 'saisine'],
      [one.id, 'briques'],
    ]);
    expect(caseload.body.items[1]).toMatchObject({ referentId: REFERENT.id, stageSince: '2026-02-17', programme: 'asll-test', conventionId, nextDeadline: { kind: 'point', dueOn: '2026-05-01', status: 'upcoming' } });
    expect(caseload.body.counts.byStage).toEqual({ saisine: 1, briques: 1 });
    const mine = await p.http().get('/caseload').query({ referent: REFERENT.id, stage: 'briques', prescriber: 'Lyon Métropole Habitat', limit: 10 }).set(await authHeaders(COORDINATOR));
    expect(mine.body.items.map((i: { trajectoryId: string }) => i.trajectoryId)).toEqual([one.id]);
    const bad = await p.http().get('/caseload').query({ stage: 'nowhere' }).set(await authHeaders(COORDINATOR));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query:stage');
  });

  it('lists overdue deadlines by kind and referent, sorted by due date', async () => {
    const overdue = await p.http().get('/deadlines').query({ status: 'overdue', kind: 'first-contact', referent: REFERENT_2.id }).set(await authHeaders(COORDINATOR));
    expect(overdue.status).toBe(200);
    expect(overdue.body.items).toEqual([
      expect.objectContaining({ trajectoryId: two.id, kind: 'first-contact', dueOn: '2026-03-17', status: 'overdue', ownerId: REFERENT_2.id }),
    ]);
    const ofOne = await p.http().get('/deadlines').query({ trajectory: one.id }).set(await authHeaders(COORDINATOR));
    expect(ofOne.body.items.map((d: { kind: string; dueOn: string; status: string }) => [d.kind, d.dueOn, d.status])).toEqual([
      ['point', '2026-05-01', 'upcoming'],
      ['bilan', '2026-07-01', 'upcoming'],
      ['measure-end', '2026-08-17', 'upcoming'],
    ]);
    expect((await p.http().get('/deadlines').query({ status: 'late' }).set(await authHeaders(COORDINATOR))).status).toBe(400);
  });

  it("gives the convention's consumption, dashboard and report in JSON and in CSV", async () => {
    const consumption = await p.http().get(`/conventions/${conventionId}/consumption`).query({ year: 2026 }).set(await authHeaders(COORDINATOR));
    expect(consumption.status).toBe(200);
    // Diagnostics: one (Feb) and three (Jan). Month-measures: February and April (March suspended).
    expect(consumption.body.lines.filter((l: { quantity: number }) => l.quantity > 0).map((l: { kind: string; quantity: number; amountCents: number }) => [l.kind, l.quantity, l.amountCents])).toEqual([
      ['diagnostic', 2, 30000],
      ['month-measure', 2, 38000],
      ['measure', 1, 0],
      ['dwelling-year', 1, 0],
    ]);
    expect(consumption.body).toMatchObject({ totalCents: 68000, capCents: 4000000, overCap: false });
    expect(consumption.body.funderShares.map((s: { amountCents: number }) => s.amountCents)).toEqual([40800, 27200]);

    const csv = await p.http().get(`/conventions/${conventionId}/consumption`).query({ year: 2026 }).set(await authHeaders(COORDINATOR)).set('accept', 'text/csv').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const table = parseSpreadsheetCsv(csv.body as Buffer);
    expect(table.header).toEqual(['Rubrique', 'Libellé', 'Quantité', "Prix unitaire (centimes d'euro)", "Montant (centimes d'euro)"]);
    expect(table.rows.find((r) => r[0] === 'Total')?.[4]).toBe('68000');

    const dashboard = await p.http().get(`/conventions/${conventionId}/dashboard`).query({ month: '2026-03' }).set(await authHeaders(COORDINATOR));
    expect(dashboard.body).toMatchObject({ month: '2026-03', saisinesReceived: 1, measuresActive: 1, monthMeasures: 0, amountThisMonthCents: 0 });
    const report = await p.http().get(`/conventions/${conventionId}/report`).set(await authHeaders(COORDINATOR)).set('accept', 'text/csv');
    expect(report.status).toBe(200);
    expect(report.text).toContain('Ménages;reçus;<5;');
    expect((await p.http().get(`/conventions/${conventionId}/dashboard`).query({ month: '2026-13' }).set(await authHeaders(COORDINATOR))).status).toBe(400);
  });

  it('reports each projection with its checkpoint and lag on /health', async () => {
    await p.caughtUp();
    const health = await p.http().get('/health');
    expect(health.status).toBe(200);
    const projections = health.body.components.projections;
    expect(projections).toMatchObject({ ok: true, runsHere: true });
    const mine = projections.projections.filter((x: { name: string }) => ['caseload', 'deadlines', 'funder'].includes(x.name));
    expect(mine.map((x: { name: string; lag: number; runner: string }) => [x.name, x.lag, x.runner])).toEqual([
      ['caseload', 0, 'running'],
      ['deadlines', 0, 'running'],
      ['funder', 0, 'running'],
    ]);
    expect(mine[0].checkpoint).toMatch(/^\d+\/\d+$/);
  });
});
