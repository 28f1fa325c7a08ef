// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { join } from 'node:path';
import { authHeaders } from './support/auth';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { COORDINATOR, GRID, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';

/** The shipped example: a national programme with support before the lease (issue 17 §1-2). */
const EXAMPLE_DIR = join(__dirname, '..', '..', 'workflows', 'programmes', 'examples', 'national-pre-lease');
const PROGRAMME = 'logement-d-abord-national';

type Due = { kind: string; dueOn: string; briqueCode?: string | null; code?: string | null };

describe.each(STORE_KINDS)('a programme written as JSON: briques before the lease, cadences, milestones, bounds (%s)', (kind) => {
  let e2e: E2eApp;
  beforeAll(async () => {
    // No catalogue given: the app loads it from PROGRAMMES_DIR with the shared loader, as the worker and the CLI do.
    e2e = await startE2eApp(kind, { programmesDir: EXAMPLE_DIR });
  });
  afterAll(() => e2e.close());

  const deadlines = async (t: TrajectoryClient): Promise<Due[]> => {
    const res = await e2e.http().get(`/trajectories/${t.id}`).set(await authHeaders(COORDINATOR));
    if (res.status !== 200) throw new Error(`GET /trajectories/${t.id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.nextDeadlines as Due[];
  };

  it('runs the example programme from the saisine to a bounded renewal', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2025-12-20', { programmeCode: PROGRAMME }), SECRETARY);
    // firstContact { weeks: 2 }: 20 Dec + 14 days.
    expect(await deadlines(t)).toEqual([expect.objectContaining({ kind: 'first-contact', dueOn: '2026-01-03' })]);

    await t.run('assign-referent', { occurredAt: '2025-12-22', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2025-12-31', mode: 'home-visit', personal: { summary: 'Premier contact.' } });
    // diagnostic { months: 2 }: 31 Dec + 2 calendar months = 28 Feb (clamped), not 60 days (1 March).
    // Milestone bail-signe: first contact + 3 months = 31 March.
    expect(await deadlines(t)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'diagnostic', dueOn: '2026-02-28' })]),
    );

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
    await t.run('record-point', { occurredAt: '2026-01-07', briqueCode: 'pre-attribution', mode: 'phone', personal: { summary: 'Dossier de demande complété.' } });

    await t.run('record-evaluation-grid', { occurredAt: '2026-01-15', ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: '2026-01-20', outcome: 'propose-accompaniment', householdSigned: true });
    await t.run('record-point', { occurredAt: '2026-01-22', briqueCode: 'pre-attribution', mode: 'office-meeting', personal: { summary: 'Préparation de la commission.' } });

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
    for (const on of ['2026-02-03', '2026-02-10', '2026-02-17', '2026-02-24']) {
      await t.run('record-point', { occurredAt: on, briqueCode: '2.3', mode: 'home-visit', parties: ['household', 'referent'], personal: { summary: 'Premiers pas.' } });
    }
    // The landlord at the household's home, on the 3.2 brique.
    await t.run('record-point', { occurredAt: '2026-03-15', briqueCode: '3.2', mode: 'home-visit', parties: ['household', 'referent', 'landlord'], personal: { summary: 'Visite avec le bailleur.' } });

    // Renewals are bounded by the programme's count (1).
    await t.run('record-bilan', { occurredAt: '2026-05-10', personal: { summary: 'Bilan.' } });
    await t.run('renew', { occurredAt: '2026-05-15' });
    await t.run('record-bilan', { occurredAt: '2026-05-18', personal: { summary: 'Bilan.' } });
    const second = await t.send('renew', { occurredAt: '2026-05-20' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'renewals-exhausted' });
  });
});
