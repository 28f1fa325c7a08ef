// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { captureLog } from '../../libs/logging/src/testing/captured-log';
import { authHeaders } from './support/auth';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { AUDITOR, COORDINATOR, e2eCatalogue, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { TrajectoryClient } from './support/trajectory-client';

/** Personal data seeded by the journey: none of it may reach a log line. */
const PERSONAL = {
  lastName: 'Quenouille-Barbotin',
  firstName: 'Philomène',
  address: '7 impasse des Grèbes huppés',
  phone: '06 98 76 54 32',
  email: 'philomene.qb@exemple.invalid',
  prescriberName: 'Gaëtane Trottinette',
  summary: 'Visite: fuite sous l’évier depuis janvier',
  note: 'Appeler la tante Ursuline avant vendredi',
  bilan: 'Dossier FSL Hippolyte accepté',
} as const;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.each(STORE_KINDS)('logs of a journey (%s)', (kind) => {
  const log = captureLog('api', 'trace');
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue(), logger: log.logger });
  });
  afterAll(() => e2e.close());

  it('has one line per request with its route pattern and actor, and none of its personal data or tokens', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    const body = saisine('2026-01-05', {
      personal: {
        household: { lastName: PERSONAL.lastName, firstName: PERSONAL.firstName, address: PERSONAL.address, postalCode: '29300', city: 'Quimperlé', phone: PERSONAL.phone },
        prescriberContact: { name: PERSONAL.prescriberName, email: PERSONAL.email },
      },
    });
    let requests = 1;
    await t.open(body, SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR, ifMatch: true });
    await t.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit', personal: { summary: PERSONAL.summary } }, { ifMatch: true });
    await t.run('record-note', { occurredAt: '2026-01-13', category: 'contact-attempt', personal: { text: PERSONAL.note } });
    requests += 3;
    // Refused input carrying personal data: answered 400 and still not logged.
    const refused = await t.send('record-note', { occurredAt: '2026-01-14', category: 'nope', personal: { text: PERSONAL.bilan } });
    expect(refused.status).toBe(400);
    // Reads of personal data, one with a query string carrying a name.
    expect((await t.state()).status).toBe(200);
    expect((await t.history('2026-01-13T00:00:00Z')).status).toBe(200);
    // Whatever it answers (on PostgreSQL no worker has created the caseload yet: a 500, logged with
    // its error), its line is scanned with the others.
    await e2e.http().get('/caseload').query({ search: PERSONAL.lastName }).set(await authHeaders(COORDINATOR));
    const exported = await e2e.http().get(`/households/${t.householdId}/export`).set(await authHeaders(AUDITOR));
    expect(exported.text).toContain(PERSONAL.lastName);
    requests += 5;

    const lines = log.lines();
    const requestLines = log.records().filter((r) => typeof r.requestId === 'string' && 'status' in r);
    expect(requestLines.length).toBeGreaterThanOrEqual(requests);
    for (const line of requestLines) {
      expect(line).toEqual(expect.objectContaining({ method: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) }));
      // The pattern, never the URL: no trajectory or household id, no query string.
      expect(String(line.route)).not.toMatch(UUID);
      expect(String(line.route)).not.toContain('?');
    }
    expect(requestLines).toEqual(expect.arrayContaining([
      expect.objectContaining({ method: 'POST', route: '/trajectories/:id/commands/:command', status: 200, actorId: REFERENT.id, actorRole: 'referent' }),
      expect.objectContaining({ method: 'POST', route: '/trajectories/:id/commands/:command', status: 400, actorId: REFERENT.id }),
      expect.objectContaining({ method: 'GET', route: '/households/:id/export', status: 200, actorId: AUDITOR.id, actorRole: 'auditor' }),
    ]));

    const everything = lines.join('\n');
    expect(Object.values(PERSONAL).filter((value) => everything.includes(value))).toEqual([]);
    const tokens = await Promise.all([SECRETARY, COORDINATOR, REFERENT, AUDITOR].map(async (a) => (await authHeaders(a)).authorization!.slice('Bearer '.length)));
    // The whole token, and its signature alone: neither may be written.
    expect(tokens.flatMap((token) => [token, token.split('.')[2]!]).filter((part) => everything.includes(part))).toEqual([]);
    expect(everything).not.toMatch(/bearer /i);
  });
});
