// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { COORDINATOR, e2eCatalogue, GRID, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { TrajectoryClient } from './support/trajectory-client';

describe.each(STORE_KINDS)('journey 3: a household declines, another withdraws (%s)', (kind) => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue() });
  });
  afterAll(() => e2e.close());

  it('records a refusal at the saisine and closes the trajectory', async () => {
    // Nobody is assigned yet: the head of service records the refusal.
    const t = new TrajectoryClient(e2e, COORDINATOR);
    await t.open(saisine('2026-02-02'), SECRETARY);
    const declined = await t.run('decline', { occurredAt: '2026-02-04', personal: { comment: 'Does not want support for now.' } });
    expect(declined.body).toMatchObject({ stage: 'closed', status: 'done', allowedCommands: [] });
    expect(declined.body.events).toEqual([expect.objectContaining({ type: 'SaisineDeclined' })]);
    const state = await t.state();
    expect(state.body.details.closing).toMatchObject({ kind: 'declined', on: '2026-02-04' });
  });

  it('lets a household withdraw during the briques, with an orientation', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-02-02'), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-02-03', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-02-05', mode: 'phone' });
    await t.run('record-evaluation-grid', { occurredAt: '2026-02-10', ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: '2026-02-12', outcome: 'propose-accompaniment', householdSigned: true });
    await t.run('draft-contract', {
      occurredAt: '2026-02-13',
      measureType: 'ASLL',
      briques: ['2.1'],
      meetingFrequency: 'fortnightly',
      occupancyStatus: 'sublease',
    });
    await t.run('sign-contract', { occurredAt: '2026-02-16', party: 'household' });
    await t.run('sign-contract', { occurredAt: '2026-02-16', party: 'referent' });
    await t.run('start-brique', { occurredAt: '2026-02-17', code: '2.1' });
    await t.run('record-point', { occurredAt: '2026-03-10', briqueCode: '2.1', mode: 'home-visit' });

    const noOrientation = await t.send('withdraw', { occurredAt: '2026-03-20' });
    expect(noOrientation.status).toBe(400);
    expect(noOrientation.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'orientation' })]));

    const withdrawn = await t.run('withdraw', {
      occurredAt: '2026-03-20',
      orientation: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' },
      personal: { comment: 'Moving in with family.' },
    });
    expect(withdrawn.body).toMatchObject({ stage: 'closed', status: 'done' });
    const state = await t.state();
    expect(state.body.details.closing).toMatchObject({ kind: 'withdrawn', orientation: { kind: 'ccas' } });
    expect(state.body.activeBriques).toEqual([]);
  });
});
