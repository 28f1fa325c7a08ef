// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { COORDINATOR, e2eCatalogue, GRID, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';
import { authHeaders } from './support/auth';

describe.each(STORE_KINDS)('journey 2: a diagnostic that orients to an existing measure (%s)', (kind) => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue() });
  });
  afterAll(() => e2e.close());

  it('hands the household to a partner and closes only when the partner confirms', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-03-02', { motives: ['access'] }), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-03-02', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-03-09', mode: 'office' });
    await t.run('record-evaluation-grid', { occurredAt: '2026-03-16', ratings: GRID });

    const withoutPartner = await t.send('conclude-diagnostic', { occurredAt: '2026-03-20', outcome: 'orient-existing', householdSigned: true });
    expect(withoutPartner.status).toBe(409);
    expect(withoutPartner.body).toMatchObject({ code: 'relais-partner-required', stage: 'diagnostic' });

    const oriented = await t.run('conclude-diagnostic', {
      occurredAt: '2026-03-20',
      outcome: 'orient-existing',
      householdSigned: true,
      relaisPartner: { kind: 'savs', partnerName: 'SAVS Les Tilleuls' },
      personal: { summary: 'A SAVS already follows the household.' },
    });
    expect(oriented.body.stage).toBe('relais');

    // The relais stays open, with its confirmation deadline, until the partner confirms.
    const waiting = await t.state();
    expect(waiting.body).toMatchObject({ stage: 'relais', status: 'active' });
    expect(waiting.body.nextDeadlines).toEqual([expect.objectContaining({ kind: 'relais-confirmation', dueOn: '2026-04-19' })]);
    expect(waiting.body.allowedCommands).toEqual(expect.arrayContaining(['confirm-relais', 'record-note']));
    // The client's X-Request-Id becomes the event's correlation id.
    advanceTo(e2e, '2026-04-10');
    const note = await e2e
      .http()
      .post(`/trajectories/${t.id}/commands/record-note`)
      .set(await authHeaders(REFERENT))
      .set('x-request-id', 'relais-call-42')
      .send({ occurredAt: '2026-04-10', category: 'contact-attempt', personal: { text: 'Called the SAVS.' } });
    expect(note.status).toBe(200);
    expect(note.headers['x-request-id']).toBe('relais-call-42');
    expect(note.body.events[0]).toMatchObject({
      type: 'NoteRecorded',
      correlationId: 'relais-call-42',
      occurredAt: '2026-04-10',
      actor: { id: REFERENT.id, role: 'referent' },
    });
    t.version = note.body.version;

    e2e.clock.set('2026-04-25T10:00:00Z');
    expect((await t.state()).body.nextDeadlines[0].status).toBe('overdue');

    const confirmed = await t.run('confirm-relais', { occurredAt: '2026-04-28', personal: { comment: 'The SAVS confirmed by mail.' } }, { ifMatch: true });
    expect(confirmed.body).toMatchObject({ stage: 'closed', status: 'done' });
    const closed = await t.state();
    expect(closed.body.details.closing).toMatchObject({ kind: 'relais-confirmed', on: '2026-04-28' });
    expect(closed.body.details.relais).toMatchObject({ partner: { kind: 'savs' }, handedOffOn: '2026-03-20', confirmedOn: '2026-04-28' });
  });
});
