// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { COORDINATOR, e2eCatalogue, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { authHeaders } from './support/auth';
import { TrajectoryClient } from './support/trajectory-client';
import { SERVER_CONFLICT_RETRY } from '../../apps/api/src/trajectories/conflict-retry.policy';

describe.each(STORE_KINDS)('journey 4: two clients decide on the same version (%s)', (kind) => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue() });
  });
  afterAll(() => e2e.close());

  const versionsOf = async (t: TrajectoryClient) => ((await t.history()).body.events as { version: number }[]).map((e) => e.version);

  it('accepts one, answers 412 to the other, and leaves the stream intact', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-05-04'), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-05-04', referentId: REFERENT.id }, { actor: COORDINATOR });
    e2e.clock.set('2026-05-06T10:00:00Z');
    const seen = `"${t.version}"`;
    const auth = await authHeaders(REFERENT);
    const send = (body: Record<string, unknown>) =>
      e2e.http().post(`/trajectories/${t.id}/commands/record-first-contact`).set(auth).set('if-match', seen).send(body);

    const [a, b] = await Promise.all([send({ occurredAt: '2026-05-05', mode: 'phone' }), send({ occurredAt: '2026-05-06', mode: 'office' })]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const lost = a.status === 412 ? a : b;
    expect(lost.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(lost.body).toMatchObject({ code: 'precondition-failed', status: 412, expectedVersion: 2, actualVersion: 3 });

    expect(await versionsOf(t)).toEqual([1, 2, 3]);
    const state = await t.state();
    expect(state.headers.etag).toBe('"3"');
    expect(state.body.stage).toBe('diagnostic');
    expect((await e2e.store.verifyStream(`trajectory-${t.id}`)).ok).toBe(true);

    // The loser reloads, sees the first contact was recorded, and decides again on "3".
    const retried = await e2e
      .http()
      .post(`/trajectories/${t.id}/commands/record-note`)
      .set(await authHeaders(REFERENT))
      .set('if-match', state.headers.etag)
      .send({ occurredAt: '2026-05-06', personal: { text: 'Both of us called.' } });
    expect(retried.status).toBe(200);
    expect(retried.headers.etag).toBe('"4"');
  });

  it('retries conflicts itself when the clients send no If-Match', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-05-04'), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-05-04', referentId: REFERENT.id }, { actor: COORDINATOR });
    const auth = await authHeaders(REFERENT);
    const notes = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        e2e
          .http()
          .post(`/trajectories/${t.id}/commands/record-note`)
          .set(auth)
          .send({ occurredAt: '2026-05-05', personal: { text: `note ${n}` } }),
      ),
    );
    expect(notes.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(notes.map((r) => r.body.version).sort()).toEqual([3, 4, 5, 6]);
    expect(await versionsOf(t)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await e2e.store.verifyStream(`trajectory-${t.id}`)).ok).toBe(true);
  });

  it('absorbs the conflicts of 20 clients writing at once without If-Match: every one is recorded, none gets 409', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-05-04'), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-05-04', referentId: REFERENT.id }, { actor: COORDINATOR });
    const auth = await authHeaders(REFERENT);
    const clients = Array.from({ length: 20 }, (_, n) => n + 1);
    const notes = await Promise.all(
      clients.map((n) =>
        e2e
          .http()
          .post(`/trajectories/${t.id}/commands/record-note`)
          .set(auth)
          .send({ occurredAt: '2026-05-04', personal: { text: `note ${n}` } }),
      ),
    );
    const statuses = notes.map((r) => r.status);
    expect({ conflicts: statuses.filter((s) => s === 409).length, statuses }).toEqual({ conflicts: 0, statuses: clients.map(() => 200) });
    expect(notes.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(clients.map((n) => n + 2));
    expect(await versionsOf(t)).toEqual([1, 2, ...clients.map((n) => n + 2)]);
    expect((await e2e.store.verifyStream(`trajectory-${t.id}`)).ok).toBe(true);
  });

  it('says in the OpenAPI document what the server does without If-Match', async () => {
    const docs = await e2e.http().get('/docs/json');
    expect(docs.body.info.description).toContain(`up to ${SERVER_CONFLICT_RETRY.maxAttempts} attempts with a random wait between them`);
    expect(docs.body.info.description).toContain('409 concurrency-conflict');
  });
});

