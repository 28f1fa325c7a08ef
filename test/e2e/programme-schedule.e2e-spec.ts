// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { join } from 'node:path';
import { startProjectionsApp, type ProjectionsApp } from '../../apps/api/src/projections/testing/projections-app.harness';
import { authHeaders } from './support/auth';
import { type E2eApp, STORE_KINDS } from './support/e2e-app';
import { COORDINATOR, GRID, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';

/** The shipped example: a national programme with support before the lease (issue 17 §1-2). */
const EXAMPLE_DIR = join(__dirname, '..', '..', 'workflows', 'programmes', 'examples', 'national-pre-lease');
const PROGRAMME = 'logement-d-abord-national';

type Due = { kind: string; dueOn: string; briqueCode?: string | null; code?: string | null };

describe.each(STORE_KINDS)('a programme written as JSON: briques before the lease, cadences, milestones, bounds (%s)', (kind) => {
  let p: ProjectionsApp;
  let e2e: E2eApp;
  beforeAll(async () => {
    // No catalogue given: the app loads it from PROGRAMMES_DIR with the shared loader, as the worker and the CLI do.
    p = await startProjectionsApp({ postgres: kind === 'postgres', programmesDir: EXAMPLE_DIR, now: '2025-12-01T09:00:00Z' });
    e2e = { kind, ...p };
  }, 120_000);
  afterAll(() => p?.close());

  const deadlines = async (t: TrajectoryClient): Promise<Due[]> => {
    const res = await e2e.http().get(`/trajectories/${t.id}`).set(await authHeaders(COORDINATOR));
    if (res.status !== 200) throw new Error(`GET /trajectories/${t.id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.nextDeadlines as Due[];
  };
  /** [kind, dueOn, briqueCode, code] of each deadline, in the one order. */
  const rows = (list: Due[]) => list.map((d) => [d.kind, d.dueOn, d.briqueCode ?? null, d.code ?? null]);

  it('runs the example programme from the saisine to a bounded renewal', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2025-12-20', { programmeCode: PROGRAMME }), SECRETARY);
    // firstContact { weeks: 2 }: 20 Dec + 14 days.
    expect(await deadlines(t)).toEqual([expect.objectContaining({ kind: 'first-contact', dueOn: '2026-01-03' })]);

    await t.run('assign-referent', { occurredAt: '2025-12-22', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2025-12-31', mode: 'home-visit', personal: { summary: 'Premier contact.' } });
    // diagnostic { months: 2 }: 31 Dec + 2 calendar months = 28 Feb (clamped), not 60 days (1 March).
    // Milestone bail-signe: first contact + 3 months = 31 March.
    expect(rows(await deadlines(t))).toEqual([
      ['diagnostic', '2026-02-28', null, null],
      ['milestone', '2026-03-31', null, 'bail-signe'],
    ]);

    // §1: a brique declared in JSON, run during the diagnostic (before the lease), with its data schema.
    const noData = await t.send('start-brique', { occurredAt: '2026-01-05', code: 'pre-attribution' });
    expect(noData.status).toBe(400);
    expect(JSON.stringify(noData.body)).toContain('details.committeeOn');
    await t.run('start-brique', { occurredAt: '2026-01-05', code: 'pre-attribution', details: { committeeOn: '2026-03-10', dwellingType: 'T3' } });
    // 2.4 runs during the measure only: refused with the rule, in French on request.
    advanceTo(e2e, '2026-01-06');
    const early = await e2e.http().post(`/trajectories/${t.id}/commands/start-brique`).set(await authHeaders(REFERENT)).set('accept-language', 'fr').send({ occurredAt: '2026-01-06', code: '2.4' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'brique-not-allowed-in-stage', detail: 'Le dispositif ne prévoit pas cette brique à cette étape du parcours.' });
    // A weekly contact while pre-attribution runs, from its start (Monday 5 January): weeks 5-11, 12-18, ...
    expect(rows(await deadlines(t))[0]).toEqual(['point-cadence', '2026-01-11', 'pre-attribution', 'contact-hebdomadaire']);
    await t.run('record-point', { occurredAt: '2026-01-07', briqueCode: 'pre-attribution', mode: 'phone', personal: { summary: 'Dossier de demande complété.' } });
    // This week has its contact: next week's last day is due.
    expect(rows(await deadlines(t))[0]).toEqual(['point-cadence', '2026-01-18', 'pre-attribution', 'contact-hebdomadaire']);

    await t.run('record-evaluation-grid', { occurredAt: '2026-01-15', ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: '2026-01-20', outcome: 'propose-accompaniment', householdSigned: true });
    await t.run('record-point', { occurredAt: '2026-01-22', briqueCode: 'pre-attribution', mode: 'office-meeting', personal: { summary: 'Préparation de la commission.' } });
    // 22 January is in the third week (19-25): the fourth week's last day, 1 February; the contract within 30 days of 20 January.
    expect(rows(await deadlines(t))).toEqual([
      ['point-cadence', '2026-02-01', 'pre-attribution', 'contact-hebdomadaire'],
      ['contract-signature', '2026-02-19', null, null],
      ['milestone', '2026-03-31', null, 'bail-signe'],
    ]);

    // The programme bounds the contract: 18 months under a 12-month maximum is refused with the rule's reason.
    const contract = {
      measureType: 'AVDL',
      briques: ['2.3', '3.2'],
      meetingFrequency: 'weekly',
      occupancyStatus: 'sliding-lease',
      landlord: { name: 'Lyon Métropole Habitat' },
      objectives: [{ id: 'obj-1' }],
    };
    const tooLong = await t.send('draft-contract', { occurredAt: '2026-01-23', ...contract, durationMonths: 18 });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body).toMatchObject({ code: 'duration-above-maximum' });
    expect(tooLong.body.detail).toContain('at most 12 months; this one states 18');
    await t.run('draft-contract', { occurredAt: '2026-01-23', ...contract, durationMonths: 12 });
    // 2.3 may start at the contract stage, before the lease is signed.
    await t.run('start-brique', { occurredAt: '2026-01-26', code: '2.3' });
    await t.run('complete-brique', { occurredAt: '2026-01-30', briqueCode: 'pre-attribution', result: 'achieved' });
    // 4 meetings a month on 2.3 from its start (26 January): the first period ends on 25 February.
    expect(rows(await deadlines(t))).toEqual([
      ['contract-signature', '2026-02-19', null, null],
      ['point-cadence', '2026-02-25', '2.3', 'quatre-rencontres-par-mois'],
      ['milestone', '2026-03-31', null, 'bail-signe'],
    ]);
    await t.run('sign-contract', { occurredAt: '2026-02-02', party: 'household' });
    await t.run('sign-contract', { occurredAt: '2026-02-02', party: 'referent' });
    const started = await t.run('sign-contract', { occurredAt: '2026-02-02', party: 'landlord' });
    expect(started.body.stage).toBe('briques');
    await t.run('start-brique', { occurredAt: '2026-02-02', code: '3.2' });

    // The lease is signed: the sliding lease must slide within 12 months of it.
    await t.run('record-milestone', { occurredAt: '2026-02-02', code: 'bail-signe' });
    const again = await t.send('record-milestone', { occurredAt: '2026-02-03', code: 'bail-signe' });
    expect(again.body).toMatchObject({ code: 'milestone-already-recorded' });

    // 2.3: three meetings in its first period (26 Jan .. 25 Feb), then a fourth.
    for (const on of ['2026-02-03', '2026-02-10', '2026-02-17']) {
      await t.run('record-point', { occurredAt: on, briqueCode: '2.3', mode: 'home-visit', parties: ['household', 'referent'], personal: { summary: 'Premiers pas.' } });
    }
    const four = (list: Due[]) => list.find((d) => d.code === 'quatre-rencontres-par-mois')?.dueOn;
    expect(four(await deadlines(t))).toBe('2026-02-25');
    await t.run('record-point', { occurredAt: '2026-02-24', briqueCode: '2.3', mode: 'home-visit', parties: ['household', 'referent'], personal: { summary: 'Premiers pas.' } });
    // Four in the period: the next period (26 Feb .. 25 Mar) is due.
    expect(four(await deadlines(t))).toBe('2026-03-25');
    // The landlord at the household's home, on the 3.2 brique.
    await t.run('record-point', { occurredAt: '2026-03-15', briqueCode: '3.2', mode: 'home-visit', parties: ['household', 'referent', 'landlord'], personal: { summary: 'Visite avec le bailleur.' } });
    await p.caughtUp();

    // Computed by hand, the measure started on 2 February 2026 (12 months, bilan every 3):
    const expected = [
      ['point', '2026-03-24', '2.3', null], // last point 24 Feb + 1 month
      ['point-cadence', '2026-03-25', '2.3', 'quatre-rencontres-par-mois'], // 4 in 26 Jan..25 Feb: next period ends 25 Mar
      ['point', '2026-04-15', '3.2', null], // 15 Mar + 1 month
      ['point-cadence', '2026-05-01', '3.2', 'relation-locative-contact'], // 15 Mar is in 2 Mar..1 Apr: next period ends 1 May
      ['bilan', '2026-05-02', null, null], // 2 Feb + 3 months
      ['point-cadence', '2026-08-01', null, 'bailleur-au-domicile'], // landlord at home on 15 Mar, in 2 Feb..1 May: next quarter ends 1 Aug
      ['milestone', '2027-02-02', null, 'bail-glisse'], // lease signed 2 Feb 2026 + 12 months, sliding lease
      ['measure-end', '2027-02-02', null, null],
      ['point-cadence', '2028-02-01', '3.2', 'relation-locative-visite'], // home visit in the first year: the second year ends 1 Feb 2028
    ];
    expect(rows(await deadlines(t))).toEqual(expected);
    // The view names each one with its title in the programme.
    expect((await deadlines(t)).find((d) => d.code === 'bail-glisse')).toMatchObject({ title: 'Glissement du bail au ménage', status: 'upcoming' });
    // The deadlines read model says the same, each with its owner.
    const listed = await e2e.http().get('/deadlines').query({ trajectory: t.id, limit: 50 }).set(await authHeaders(COORDINATOR));
    expect(listed.status).toBe(200);
    // (The list is ordered by date, then kind's name: same rows, same dates.)
    const sorted = (r: unknown[][]) => r.map((x) => JSON.stringify(x)).sort();
    expect(sorted(rows(listed.body.items as Due[]))).toEqual(sorted(expected));
    expect(new Set((listed.body.items as { ownerId: string }[]).map((d) => d.ownerId))).toEqual(new Set([REFERENT.id]));
    const landlordOverdue = await e2e.http().get('/deadlines').query({ kind: 'point-cadence', trajectory: t.id }).set(await authHeaders(COORDINATOR));
    expect((landlordOverdue.body.items as Due[]).map((d) => d.code)).toEqual(['quatre-rencontres-par-mois', 'relation-locative-contact', 'bailleur-au-domicile', 'relation-locative-visite']);

    // Daily contact for a complex case: the referent starts the reinforced brique, due the same day, then the next.
    await t.run('start-brique', { occurredAt: '2026-03-16', code: 'suivi-renforce', details: { reason: 'sante' } });
    const daily = (list: Due[]) => list.find((d) => d.code === 'contact-quotidien')?.dueOn;
    expect(daily(await deadlines(t))).toBe('2026-03-16');
    await t.run('record-point', { occurredAt: '2026-03-16', briqueCode: 'suivi-renforce', mode: 'phone', personal: { summary: 'Appel.' } });
    expect(daily(await deadlines(t))).toBe('2026-03-17');
    await t.run('complete-brique', { occurredAt: '2026-03-20', briqueCode: 'suivi-renforce', result: 'achieved' });

    // Renewals are bounded by the programme's count (1).
    await t.run('record-bilan', { occurredAt: '2026-05-10', personal: { summary: 'Bilan.' } });
    await t.run('renew', { occurredAt: '2026-05-15' });
    await t.run('record-bilan', { occurredAt: '2026-05-18', personal: { summary: 'Bilan.' } });
    const second = await t.send('renew', { occurredAt: '2026-05-20' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'renewals-exhausted' });
  });
});
