import { type AccessApp, startAccessApp } from './support/access-app';
import { type AccessWorld, seedAccessWorld } from './support/access-world';
import { authHeaders } from './support/auth';
import { AUDITOR, COORDINATOR, PRESCRIBER, REFERENT, REFERENT_2, SECRETARY } from './support/fixtures';

describe('auditors: who did what, who read what, and whether anything was altered', () => {
  let app: AccessApp;
  let world: AccessWorld;

  beforeAll(async () => {
    app = await startAccessApp();
    world = await seedAccessWorld(app);
  });
  afterAll(() => app?.close());

  it("records each event's author from the token: id and role in metadata.actor", async () => {
    const history = await app.http().get(`/trajectories/${world.a.id}/history`).set(await authHeaders(AUDITOR));
    expect(history.status).toBe(200);
    const authors = (history.body.events as { type: string; actor: { id: string; role: string } }[]).map((e) => [e.type, e.actor.id, e.actor.role]);
    expect(authors).toEqual([
      ['SaisineReceived', PRESCRIBER.id, 'prescriber'],
      ['ReferentAssigned', COORDINATOR.id, 'coordinator'],
      ['FirstContactRecorded', REFERENT.id, 'referent'],
      ['EvaluationGridRecorded', REFERENT.id, 'referent'],
      ['NoteRecorded', REFERENT.id, 'referent'],
      ['DiagnosticConcluded', REFERENT.id, 'referent'],
      ['MeasureSubmittedForValidation', REFERENT.id, 'referent'],
      ['DocumentShared', REFERENT.id, 'referent'],
    ]);
    const stored = await app.store.readStream(`trajectory-${world.b.id}`);
    expect(stored.map((e) => e.metadata.actor)).toEqual([
      { id: SECRETARY.id, role: 'secretary' },
      { id: COORDINATOR.id, role: 'coordinator' },
      { id: SECRETARY.id, role: 'secretary' },
    ]);
  });

  it('logs every read of personal data, and only those, for auditors to read', async () => {
    const t = world.b.id;
    const at = (iso: string) => app.clock.set(new Date(iso));
    at('2026-03-03T08:00:00Z');
    expect((await app.http().get(`/trajectories/${t}`).set(await authHeaders(REFERENT_2))).status).toBe(200);
    at('2026-03-03T08:05:00Z');
    expect((await app.http().get(`/trajectories/${t}/history`).set(await authHeaders(COORDINATOR)).set('x-request-id', 'req-audit-1')).status).toBe(200);
    // Refused, shaped without personal data, or not a trajectory read: not in the log.
    expect((await app.http().get(`/trajectories/${t}/history`).set(await authHeaders(REFERENT))).status).toBe(403);
    expect((await app.http().get(`/trajectories/${t}`).set(await authHeaders(SECRETARY))).status).toBe(200);
    expect((await app.http().get(`/trajectories/${t}/verify`).set(await authHeaders(COORDINATOR))).status).toBe(200);
    // A 304 sends nothing: nothing was read.
    const etag = (await app.http().get(`/trajectories/${t}`).set(await authHeaders(COORDINATOR))).headers.etag;
    expect((await app.http().get(`/trajectories/${t}`).set(await authHeaders(COORDINATOR)).set('if-none-match', etag)).status).toBe(304);
    at('2026-03-03T09:00:00Z');
    expect((await app.http().get(`/trajectories/${t}/history?at=2026-02-05T00:00:00Z`).set(await authHeaders(AUDITOR))).status).toBe(200);

    const log = await app.http().get('/access-log').query({ trajectory: t }).set(await authHeaders(AUDITOR));
    expect(log.status).toBe(200);
    expect(log.body.entries.map((e: { actor: { id: string }; resource: string; at: string }) => [e.actor.id, e.resource, e.at])).toEqual([
      [REFERENT_2.id, 'trajectory', '2026-03-03T08:00:00.000Z'],
      [COORDINATOR.id, 'history', '2026-03-03T08:05:00.000Z'],
      [COORDINATOR.id, 'trajectory', '2026-03-03T08:05:00.000Z'],
      [AUDITOR.id, 'history', '2026-03-03T09:00:00.000Z'],
    ]);
    expect(log.body.entries[1]).toMatchObject({ trajectoryId: t, actor: { id: COORDINATOR.id, role: 'coordinator' }, correlationId: 'req-audit-1' });

    const byActor = await app.http().get('/access-log').query({ trajectory: t, actor: COORDINATOR.id, limit: 1 }).set(await authHeaders(AUDITOR));
    expect(byActor.body.entries.map((e: { resource: string }) => e.resource)).toEqual(['history']);
    const next = await app.http().get('/access-log').query({ trajectory: t, actor: COORDINATOR.id, after: byActor.body.nextCursor }).set(await authHeaders(AUDITOR));
    expect(next.body.entries.map((e: { resource: string }) => e.resource)).toEqual(['trajectory']);

    // Paris calendar days, both ends included.
    const days = async (from?: string, to?: string) =>
      app.http().get('/access-log').query({ trajectory: t, ...(from ? { from } : {}), ...(to ? { to } : {}) }).set(await authHeaders(AUDITOR));
    expect((await days('2026-03-03', '2026-03-03')).body.entries).toHaveLength(4);
    expect((await days(undefined, '2026-03-02')).body.entries).toEqual([]);
    expect((await days('2026-03-04')).body.entries).toEqual([]);
    const badDay = await days('2026-02-30');
    expect(badDay.status).toBe(400);
    expect(badDay.body.errors[0].field).toBe('query:from');

    expect((await app.http().get('/access-log').query({ trajectory: 'not-a-uuid' }).set(await authHeaders(AUDITOR))).status).toBe(400);
    for (const reader of [COORDINATOR, REFERENT_2, SECRETARY]) {
      expect((await app.http().get('/access-log').query({ trajectory: t }).set(await authHeaders(reader))).status).toBe(403);
    }
  });

  it('checks the hash chain of a trajectory for auditors and coordinators', async () => {
    const verified = await app.http().get(`/trajectories/${world.a.id}/verify`).set(await authHeaders(AUDITOR));
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ trajectoryId: world.a.id, ok: true, eventsChecked: 8 });
    const unknown = await app.http().get('/trajectories/0f8b5a4e-2c1d-4e3f-8a9b-7c6d5e4f3a2b/verify').set(await authHeaders(AUDITOR));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('trajectory-not-found');
    expect((await app.http().get(`/trajectories/${world.a.id}/verify`).set(await authHeaders(REFERENT))).status).toBe(403);
  });
});
