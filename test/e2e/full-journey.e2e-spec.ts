// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { e2eCatalogue, COORDINATOR, GRID, REFERENT, REFERENT_2, saisine, SECRETARY } from './support/fixtures';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { TrajectoryClient } from './support/trajectory-client';

describe.each(STORE_KINDS)('journey 1: saisine to closing, with a veille and a reopening (%s)', (kind) => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue() });
  });
  afterAll(() => e2e.close());

  it('follows a household from the saisine through briques, evaluation, veille and a new diagnostic to closed', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    const opened = await t.open(saisine('2026-01-05'), SECRETARY);
    expect(opened.body).toMatchObject({ stage: 'saisine', version: 1 });

    // saisine -> diagnostic
    await t.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR, ifMatch: true });
    await t.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit', personal: { summary: 'First visit at home.' } }, { ifMatch: true });
    expect((await t.state()).body.stage).toBe('diagnostic');

    // diagnostic -> contract
    await t.run('record-diagnostic-step', { occurredAt: '2026-01-20', step: '1.1', status: 'done' });
    await t.run('record-diagnostic-step', { occurredAt: '2026-01-20', step: '1.2', status: 'done' });
    await t.run('record-diagnostic-step', { occurredAt: '2026-01-21', step: '1.3', status: 'skipped-already-done' });
    await t.run('record-evaluation-grid', { occurredAt: '2026-01-27', ratings: GRID });
    const concluded = await t.run('conclude-diagnostic', { occurredAt: '2026-02-03', outcome: 'propose-accompaniment', householdSigned: true });
    expect(concluded.body.stage).toBe('contract');

    // contract -> briques (the last signature starts the measure)
    await t.run('draft-contract', {
      occurredAt: '2026-02-10',
      measureType: 'ASLL',
      briques: ['2.1', '2.5'],
      durationMonths: 6,
      bilanEveryMonths: 3,
      meetingFrequency: 'monthly',
      occupancyStatus: 'direct-lease',
      landlord: { name: 'Lyon Métropole Habitat' },
      objectives: [{ id: 'obj-1' }],
      personal: { objectives: [{ id: 'obj-1', text: 'Clear the rent arrears.' }], meetingPlace: 'At home' },
    });
    await t.run('sign-contract', { occurredAt: '2026-02-16', party: 'household' });
    await t.run('sign-contract', { occurredAt: '2026-02-17', party: 'referent' });
    const signed = await t.run('sign-contract', { occurredAt: '2026-02-18', party: 'landlord' });
    expect(signed.body.stage).toBe('briques');

    // briques: points, a note, a suspension, bilans, a hand-over, a renewal
    await t.run('start-brique', { occurredAt: '2026-02-20', code: '2.1' });
    await t.run('start-brique', { occurredAt: '2026-02-20', code: '2.5', personal: { objective: 'Repayment plan' } });
    await t.run('record-point', { occurredAt: '2026-03-18', briqueCode: '2.1', mode: 'home-visit', personal: { summary: 'Visited two flats.' } });
    await t.run('record-point', { occurredAt: '2026-03-20', briqueCode: '2.5', mode: 'phone', personal: { summary: 'FSL file sent.' } });
    // A meeting with named parties present (categorical); what was said stays personal.
    await t.run('record-point', {
      occurredAt: '2026-03-25',
      briqueCode: '2.5',
      mode: 'tripartite-meeting',
      parties: ['landlord', 'household', 'referent'],
      personal: { summary: 'Repayment plan agreed with the landlord.' },
    });
    await t.run('record-note', { occurredAt: '2026-04-10', category: 'contact-attempt', personal: { text: 'No answer.' } });
    await t.run('suspend', { occurredAt: '2026-04-15', reason: 'hospital' });
    const suspended = await t.state();
    expect(suspended.body.nextDeadlines.map((d: { kind: string }) => d.kind)).toEqual(['measure-end']);
    const pointWhileSuspended = await t.send('record-point', { occurredAt: '2026-04-20', briqueCode: '2.1', mode: 'phone' });
    expect(pointWhileSuspended.status).toBe(409);
    await t.run('resume', { occurredAt: '2026-05-02' });
    await t.run('record-bilan', { occurredAt: '2026-05-15', personal: { summary: 'Arrears halved.' } });
    await t.run('change-referent', { occurredAt: '2026-05-20', referentId: REFERENT_2.id, personal: { handOverNote: 'Tuesday mornings.' } }, { actor: COORDINATOR });
    t.actor = REFERENT_2;
    await t.run('renew', { occurredAt: '2026-06-01', personal: { justification: 'Lease signature pending.' } });
    await t.run('complete-brique', { occurredAt: '2026-06-10', briqueCode: '2.5', result: 'partly' });
    await t.run('record-point', { occurredAt: '2026-07-15', briqueCode: '2.1', mode: 'office-meeting', personal: { summary: 'Budget.' } });
    await t.run('record-bilan', { occurredAt: '2026-09-01' });

    const during = await t.state();
    expect(during.body).toMatchObject({ stage: 'briques', referent: { id: REFERENT_2.id }, programme: { code: 'asll-test' } });
    expect(during.body.activeBriques.map((b: { code: string }) => b.code)).toEqual(['2.1']);
    expect(during.body.allowedCommands).toEqual(expect.arrayContaining(['record-point', 'record-bilan', 'start-evaluation']));

    // evaluation -> veille
    await t.run('start-evaluation', { occurredAt: '2027-01-20' });
    await t.run('record-final-evaluation', {
      occurredAt: '2027-02-01',
      ratings: GRID.map((r) => ({ ...r, rating: 'acquired' })),
      objectives: [{ id: 'obj-1', met: true }],
      endReason: 'maintained',
      householdSigned: true,
      personal: { summary: 'Stays in the dwelling, arrears cleared.' },
    });
    const veille = await t.run('start-veille', { occurredAt: '2027-02-05' });
    expect(veille.body.stage).toBe('veille');
    await t.run('record-veille-visit', { occurredAt: '2028-01-10', mode: 'home-visit' });

    // reopen: a new diagnostic in the same trajectory, then closed as autonomous
    const reopened = await t.run('reopen', { occurredAt: '2028-03-01', personal: { comment: 'New arrears.' } });
    expect(reopened.body.stage).toBe('diagnostic');
    await t.run('record-evaluation-grid', { occurredAt: '2028-03-10', ratings: GRID });
    const closed = await t.run('conclude-diagnostic', { occurredAt: '2028-03-15', outcome: 'autonomous', householdSigned: true }, { ifMatch: true });
    expect(closed.body).toMatchObject({ stage: 'closed', status: 'done', allowedCommands: [] });

    const final = await t.state();
    expect(final.status).toBe(200);
    expect(final.headers.etag).toBe(`"${t.version}"`);
    expect(final.body).toMatchObject({ stage: 'closed', status: 'done', nextDeadlines: [], allowedCommands: [] });
    expect(final.body.details.cycle).toBe(2);

    const after = await t.send('record-note', { occurredAt: '2028-03-16' });
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'trajectory-closed', stage: 'closed', allowedCommands: [] });

    // The whole history, with actors and business dates, and the chain intact.
    const history = await t.history();
    expect(history.status).toBe(200);
    const events = history.body.events as { version: number; type: string; actor: { id: string }; occurredAt: string; recordedAt: string }[];
    expect(events.map((e) => e.version)).toEqual(events.map((_e, i) => i + 1));
    expect(events[0]).toMatchObject({ type: 'SaisineReceived', actor: { id: SECRETARY.id }, occurredAt: '2026-01-05' });
    expect(events[1]).toMatchObject({ type: 'ReferentAssigned', actor: { id: COORDINATOR.id } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['MeasureSuspended', 'MeasureResumed', 'MeasureRenewed', 'VeilleStarted']));
    const meeting = (history.body.events as { type: string; schemaVersion: number; data: { mode: string; parties?: string[] } }[]).find((e) => e.data.mode === 'tripartite-meeting');
    expect(meeting).toMatchObject({ type: 'PointRecorded', schemaVersion: 2, data: { parties: ['household', 'referent', 'landlord'] } });
    expect((await e2e.store.verifyStream(`trajectory-${t.id}`)).ok).toBe(true);

    // As it stood during the suspension (recorded on 2026-04-15 10:00 UTC).
    const past = await t.history('2026-04-20T00:00:00Z');
    expect(past.status).toBe(200);
    expect(past.body.state).toMatchObject({ stage: 'briques', referent: { id: REFERENT.id } });
    expect(past.body.state.details.suspendedSince).toBe('2026-04-15');
    expect(past.body.events.at(-1).type).toBe('MeasureSuspended');
    expect(past.body.version).toBe(past.body.events.length);
  });
});
