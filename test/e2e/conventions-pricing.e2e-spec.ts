import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../../libs/catalogue/src';
import { startProjectionsApp, type ProjectionsApp } from '../../apps/api/src/projections/testing/projections-app.harness';
import { billableUnits } from '../../projections/funder/billable-units.calculator';
import type { FunderFacts } from '../../projections/funder/funder-facts.reducer';
import { parseSpreadsheetCsv } from '../../projections/funder/testing/spreadsheet-csv.parser';
import type { E2eApp } from './support/e2e-app';
import { authHeaders } from './support/auth';
import { ADMIN, COORDINATOR, GRID, PRESCRIBER, REFERENT, saisine } from './support/fixtures';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';

/**
 * issue 17 §3, §4, §6 over HTTP with the shipped example (workflows/examples/fsl-bailleur): FSL
 * measures priced on two barèmes, billed in months of measure, a cap that refuses new measures,
 * the landlord's orientation form as saisine fields, and two conventions under one programme.
 * Every figure below is computed by hand in the comments.
 */
const EXAMPLE = join(__dirname, '../../workflows/examples/fsl-bailleur');
const conventionBody = (file: string) => JSON.parse(readFileSync(join(EXAMPLE, 'conventions', file), 'utf8')) as Record<string, unknown>;

const FIELDS_A = { orientation: 'impayes', socialWorkerFollows: 'non', dwellingSituation: 'sur-occupe' };

describe('conventions as the FSL writes them (issue 17 §3, §4, §6)', () => {
  let p: ProjectionsApp;
  let e2e: E2eApp;
  let fsl = '';
  let lmh = '';
  const a = () => new TrajectoryClient(e2e, REFERENT);
  let A: TrajectoryClient;
  let B: TrajectoryClient;
  let C: TrajectoryClient;
  let D: TrajectoryClient;

  const fslSaisine = (on: string, overrides: Record<string, unknown> = {}) =>
    saisine(on, { programmeCode: 'fsl-bailleur', conventionId: undefined, fields: FIELDS_A, ...overrides });

  async function diagnose(t: TrajectoryClient, [contact, concluded]: [string, string]) {
    await t.run('assign-referent', { occurredAt: contact, referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: contact, mode: 'office' });
    await t.run('record-evaluation-grid', { occurredAt: concluded, ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: concluded, outcome: 'propose-accompaniment', householdSigned: true });
  }
  const contract = (occurredAt: string, extra: Record<string, unknown> = {}) => ({
    occurredAt,
    measureType: 'FSL',
    briques: ['2.5'],
    durationMonths: 3,
    meetingFrequency: 'monthly',
    occupancyStatus: 'direct-lease',
    ...extra,
  });
  async function sign(t: TrajectoryClient, on: string) {
    await t.run('sign-contract', { occurredAt: on, party: 'household' });
    await t.run('sign-contract', { occurredAt: on, party: 'referent' });
  }

  beforeAll(async () => {
    p = await startProjectionsApp({ now: '2026-01-02T09:00:00Z', catalogue: await loadCatalogue(join(EXAMPLE, 'programmes')) });
    e2e = { kind: 'pglite', ...p };
  });
  afterAll(() => p?.close());

  it('creates a convention once: unknown programme refused, money terms copied from the programme, retries answer the same convention', async () => {
    const post = async (sent: Record<string, unknown>, idempotencyKey?: string) => {
      const req = p.http().post('/conventions').set(await authHeaders(ADMIN));
      if (idempotencyKey) void req.set('idempotency-key', idempotencyKey);
      return req.send(sent);
    };
    const body = conventionBody('fsl-bailleur-2026.json');

    const typo = await post({ ...body, programme: 'fsl-baileur' });
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toContainEqual({ field: 'programme', reason: 'unknown programme fsl-baileur: not in the catalogue' });

    const created = await post(body, 'fsl-2026-creation');
    expect(created.status).toBe(201);
    fsl = created.body.id;
    // The programme's EUR defaults (120, 230, 150 / 350) copied once, in cents; the cap and shares are the convention's own.
    expect(created.body).toMatchObject({
      code: 'fsl-2026',
      prices: { perDiagnosticCents: 12000, perMonthCents: 23000, perMeasure: [{ code: 'niveau-1', priceCents: 15000 }, { code: 'niveau-2', priceCents: 35000 }] },
      yearlyCapCents: 150000,
      copiedFromProgramme: ['prices'],
    });

    const retried = await post(body, 'fsl-2026-creation');
    expect([retried.status, retried.body.id]).toEqual([200, fsl]);
    const again = await post(body); // no key: the natural key funder + programme + year + code
    expect([again.status, again.body.id, again.headers.location]).toEqual([200, fsl, `/conventions/${fsl}`]);
    const other = await post({ ...body, yearlyCapCents: 999 });
    expect([other.status, other.body.code]).toEqual([409, 'convention-exists']);
    const reused = await post({ ...body, code: 'fsl-2026-bis' }, 'fsl-2026-creation');
    expect([reused.status, reused.body.code]).toEqual([409, 'idempotency-key-reused']);

    const landlord = await post(conventionBody('lmh-2026.json'));
    expect(landlord.status).toBe(201);
    lmh = landlord.body.id;
    const list = await p.http().get('/conventions?programme=fsl-bailleur').set(await authHeaders(COORDINATOR));
    expect(list.body.map((c: { code: string }) => c.code).sort()).toEqual(['fsl-2026', 'lmh-2026']);
  });

  it('resolves the convention at the saisine: by code, refused when ambiguous; the programme’s saisine fields are checked', async () => {
    const t = a();
    advanceTo(e2e, '2026-01-05');
    const ambiguous = await p.http().post('/trajectories').set(await authHeaders(REFERENT)).send(fslSaisine('2026-01-05'));
    expect([ambiguous.status, ambiguous.body.code]).toEqual([400, 'convention-ambiguous']);
    expect(ambiguous.body.detail).toContain('fsl-2026, lmh-2026');
    const badField = await p.http().post('/trajectories').set(await authHeaders(REFERENT)).send(fslSaisine('2026-01-05', { conventionCode: 'fsl-2026', fields: { orientation: 'expulsion' } }));
    expect([badField.status, badField.body.code]).toEqual([400, 'invalid-saisine-field']);
    expect(badField.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['fields.orientation', 'fields.socialWorkerFollows']);
    const unknownCode = await p.http().post('/trajectories').set(await authHeaders(REFERENT)).send(fslSaisine('2026-01-05', { conventionCode: 'fsl-2025' }));
    expect([unknownCode.status, unknownCode.body.code]).toEqual([400, 'unknown-convention']);

    A = t;
    const opened = await A.open(fslSaisine('2026-01-05', { conventionCode: 'fsl-2026' }));
    expect(opened.body.events[0].data).toMatchObject({ conventionId: fsl, fields: FIELDS_A });
    // The landlord sends its own saisine naming its convention by code: it cannot know a UUID.
    B = a();
    const fromLandlord = await B.open(fslSaisine('2026-02-02', { conventionCode: 'lmh-2026', fields: { orientation: 'troubles-voisinage', socialWorkerFollows: 'inconnu' } }), PRESCRIBER);
    expect(fromLandlord.status).toBe(201);
  });

  it('prices each measure on its barème (draft-contract, then the coordinator) and bills months of measure', async () => {
    // A: diagnostic concluded 20 Jan; contract on barème niveau-2; signed 25 Jan: months of measure
    // 25 Jan-24 Feb (billed January), 25 Feb-24 Mar (February), 25 Mar-24 Apr (March); evaluated 25 Apr.
    await diagnose(A, ['2026-01-08', '2026-01-20']);
    const drafted = await A.run('draft-contract', contract('2026-01-22', { scale: 'niveau-2' }));
    expect(drafted.body.events[0].data).toMatchObject({ conventionId: fsl, scale: 'niveau-2' });
    await sign(A, '2026-01-25');

    // B (landlord convention): contract on niveau-1, the coordinator moves it to niveau-2; signed 20 Feb.
    await diagnose(B, ['2026-02-05', '2026-02-16']);
    const unknownScale = await B.send('draft-contract', contract('2026-02-17', { scale: 'niveau-3' }));
    expect([unknownScale.status, unknownScale.body.code]).toEqual([400, 'unknown-scale']);
    await B.run('draft-contract', contract('2026-02-17', { scale: 'niveau-1' }));
    expect((await B.send('choose-scale', { occurredAt: '2026-02-18', scale: 'niveau-2' })).status).toBe(403); // the referent may not
    const chosen = await B.run('choose-scale', { occurredAt: '2026-02-18', scale: 'niveau-2' }, { actor: COORDINATOR });
    expect(chosen.body.events[0]).toMatchObject({ type: 'MeasureScaleChosen', data: { scale: 'niveau-2', conventionId: lmh } });
    await sign(B, '2026-02-20');

    // C: saisine 2 March, diagnostic concluded 16 March, niveau-1, signed 20 March.
    C = a();
    await C.open(fslSaisine('2026-03-02', { conventionCode: 'fsl-2026', fields: { orientation: 'mutation', socialWorkerFollows: 'oui' } }));
    await diagnose(C, ['2026-03-05', '2026-03-16']);
    // On 18 March the FSL convention has consumed 12000 + 35000 + 2 × 23000 (A) + 12000 (C) = 105000 < 150000.
    await C.run('draft-contract', contract('2026-03-18', { scale: 'niveau-1' }));
    await sign(C, '2026-03-20');

    await A.run('start-evaluation', { occurredAt: '2026-04-25' });
  });

  it('refuses a new measure once the cap is reached (capPolicy refuse), and shows it', async () => {
    D = a();
    await D.open(fslSaisine('2026-04-01', { conventionCode: 'fsl-2026', fields: { orientation: 'acces', socialWorkerFollows: 'non' } }));
    await diagnose(D, ['2026-04-03', '2026-04-10']);
    // On 28 April: A 12000 + 35000 + 3 × 23000 = 116000; C 12000 + 15000 + 2 × 23000 (March, April) = 73000;
    // D's diagnostic 12000: 201000 ≥ 150000.
    const refused = await D.send('draft-contract', contract('2026-04-28'));
    expect([refused.status, refused.body.code]).toEqual([409, 'convention-cap-reached']);
    advanceTo(e2e, '2026-04-30');
    await p.caughtUp();
    const consumption = await p.http().get(`/conventions/${fsl}/consumption`).set(await authHeaders(COORDINATOR));
    expect(consumption.body).toMatchObject({ totalCents: 201000, capCents: 150000, capReached: true, overCap: true });
  });

  it('gives each convention its own households, each barème its count and amount, and sums to every billable unit', async () => {
    await p.caughtUp();
    const get = async (id: string) => (await p.http().get(`/conventions/${id}/consumption`).set(await authHeaders(COORDINATOR))).body;
    const f = await get(fsl);
    const l = await get(lmh);
    const lines = (c: { lines: { kind: string; scale: string | null; quantity: number; amountCents: number }[] }) => c.lines.map((x) => [x.kind, x.scale, x.quantity, x.amountCents]);
    // FSL: diagnostics A, C, D; months of measure A ×3 (Jan, Feb, Mar), C ×2 (Mar, Apr); C niveau-1, A niveau-2; dwelling-years A, C (unpriced).
    expect(lines(f)).toEqual([
      ['diagnostic', null, 3, 36000],
      ['month-measure', null, 5, 115000],
      ['measure', 'niveau-1', 1, 15000],
      ['measure', 'niveau-2', 1, 35000],
      ['dwelling-year', null, 2, 0],
    ]);
    // 70 / 30 of 201000.
    expect(f.funderShares.map((s: { amountCents: number }) => s.amountCents)).toEqual([140700, 60300]);
    // Landlord: B's diagnostic, months of measure 20 Feb, 20 Mar, 20 Apr (open on 30 April), niveau-2 as the coordinator chose.
    expect(lines(l)).toEqual([
      ['diagnostic', null, 1, 10000],
      ['month-measure', null, 3, 60000],
      ['measure', 'niveau-1', 0, 0],
      ['measure', 'niveau-2', 1, 30000],
      ['dwelling-year', null, 1, 0],
    ]);
    expect(l.totalCents).toBe(100000);

    // Every trajectory is counted in exactly one convention: the conventions' quantities add up to the
    // billable units of every trajectory of the read model.
    const { rows } = await p.db.query<{ facts: FunderFacts | string }>('SELECT facts FROM funder_trajectories');
    const facts = rows.map((r) => (typeof r.facts === 'string' ? (JSON.parse(r.facts) as FunderFacts) : r.facts));
    const all = billableUnits(facts, {}, '2026-04-30').filter((u) => u.month.startsWith('2026-'));
    const summed = [...f.lines, ...l.lines].reduce((n: number, x: { quantity: number }) => n + x.quantity, 0);
    expect(summed).toBe(all.length);
    expect(all.length).toBe(18); // FSL 3 + 5 + 1 + 1 + 2, landlord 1 + 3 + 1 + 1
  });

  it('shows planned volumes beside the actual ones and the saisine-field breakdowns in the dashboard and the report', async () => {
    const dashboard = (await p.http().get(`/conventions/${fsl}/dashboard?month=2026-03`).set(await authHeaders(COORDINATOR))).body;
    // March: C's saisine; months of measure A (from 25 Mar) and C (from 20 Mar); C's diagnostic and measure.
    expect(dashboard).toMatchObject({ saisinesReceived: 1, monthMeasures: 2, amountThisMonthCents: 12000 + 15000 + 2 * 23000 });
    expect(dashboard.saisineFields).toEqual([
      { field: 'orientation', value: 'mutation', count: 1 },
      { field: 'socialWorkerFollows', value: 'oui', count: 1 },
    ]);
    // Year to date to March: diagnostics A, C (planned 6); measures A, C (planned 4); months of measure A ×3 + C ×1 (planned 12).
    expect(dashboard.volumes).toEqual([
      { volume: 'diagnostics', planned: 6, actualYearToDate: 2 },
      { volume: 'measures', planned: 4, actualYearToDate: 2 },
      { volume: 'monthMeasures', planned: 12, actualYearToDate: 4 },
      { volume: 'dwellingYears', planned: null, actualYearToDate: 2 },
    ]);
    const res = await p
      .http()
      .get(`/conventions/${fsl}/dashboard?month=2026-03&format=csv`)
      .set(await authHeaders(COORDINATOR))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const csv = parseSpreadsheetCsv(res.body as Buffer);
    expect(csv.rows).toContainEqual(['Volume prévu – mois-mesures', '', '12']);
    expect(csv.rows).toContainEqual(['Saisines – orientation', 'mutation', '1']);

    const report = (await p.http().get(`/conventions/${fsl}/report`).set(await authHeaders(COORDINATOR))).body;
    // A, C, D received in 2026: each category has fewer than 5 households, so each is "<5" with no percentage.
    expect(report.saisineFields.find((x: { field: string }) => x.field === 'orientation').shares).toEqual([
      { category: 'acces', count: '<5', percent: null },
      { category: 'impayes', count: '<5', percent: null },
      { category: 'mutation', count: '<5', percent: null },
    ]);
    expect(JSON.stringify(report)).not.toContain('Martin');
  });
});
