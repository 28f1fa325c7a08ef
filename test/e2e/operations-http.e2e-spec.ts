// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { waitFor } from '../../projections/core/testing/wait-for';
import { authHeaders } from './support/auth';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { ADMIN, AUDITOR, COORDINATOR, e2eCatalogue, saisine, SECRETARY } from './support/fixtures';
import { TrajectoryClient } from './support/trajectory-client';

/** The store's maintenance over HTTP (apps/api/src/operations): what the CLI uses while the API holds the embedded store. */
describe.each(STORE_KINDS)('rebuild, verification and retention dry run over HTTP (%s)', (kind) => {
  let e2e: E2eApp;
  const ids: string[] = [];

  beforeAll(async () => {
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue(), now: '2026-03-02T09:00:00Z' });
    for (let i = 0; i < 4; i++) {
      const t = new TrajectoryClient(e2e, SECRETARY);
      await t.open(saisine('2026-03-01'), SECRETARY);
      ids.push(t.id);
    }
  }, 180_000);
  afterAll(() => e2e.close());

  async function follow(location: string, actor: typeof ADMIN): Promise<Record<string, unknown>> {
    return waitFor(async () => {
      const res = await e2e.http().get(location).set(await authHeaders(actor));
      expect(res.status).toBe(200);
      return res.body.status === 'running' ? undefined : (res.body as Record<string, unknown>);
    }, `job ${location} to finish`);
  }

  it('verifies every stream and every stored row as a job the auditor polls', async () => {
    const started = await e2e.http().post('/audit/verifications').set(await authHeaders(AUDITOR));
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/audit/verifications/${started.body.id}`);
    expect(started.body).toMatchObject({ kind: 'verification', status: 'running' });
    const done = await follow(started.headers.location, AUDITOR);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: { streamsDone: 4, streamsTotal: 4, eventsChecked: 4, altered: 0 },
      result: { streams: 4, eventsChecked: 4, altered: [], empty: false, intact: true, storage: { eventsStored: 4, problems: [] } },
    });
    // An id that names no job is a 404 problem, not a 400 or a 500.
    const missing = await e2e.http().get('/audit/verifications/not-a-job').set(await authHeaders(AUDITOR));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'job-not-found' });
  });

  it("gives the auditor a trajectory's events as stored, personal data sealed", async () => {
    const res = await e2e.http().get(`/audit/trajectories/${ids[0]}/events`).set(await authHeaders(AUDITOR));
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'SaisineReceived', version: 1, streamId: `trajectory-${ids[0]}` })]);
    expect(res.text).not.toContain('Martin');
    const unknown = await e2e.http().get('/audit/trajectories/00000000-0000-4000-8000-000000000000/events').set(await authHeaders(AUDITOR));
    expect(unknown.body).toMatchObject({ status: 404, code: 'trajectory-not-found' });
  });

  if (kind === 'pglite') {
    it('rebuilds a projection the API runs, with its progress, and the read model is whole afterwards', async () => {
      const unknown = await e2e.http().post('/admin/projections/nope/rebuild').set(await authHeaders(ADMIN));
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('projection-not-found');
      const started = await e2e.http().post('/admin/projections/caseload/rebuild').set(await authHeaders(ADMIN));
      expect(started.status).toBe(202);
      expect(started.headers.location).toBe(`/admin/projections/caseload/rebuilds/${started.body.id}`);
      const done = await follow(started.headers.location, ADMIN);
      expect(done).toMatchObject({ status: 'succeeded', target: 'caseload', result: { projection: 'caseload', done: 4, total: 4 } });
      const elsewhere = await e2e.http().get(`/admin/projections/deadlines/rebuilds/${started.body.id}`).set(await authHeaders(ADMIN));
      expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 404, code: 'job-not-found' });
      await waitFor(async () => {
        const caseload = await e2e.http().get('/caseload').set(await authHeaders(COORDINATOR));
        return caseload.status === 200 && ids.every((id) => caseload.text.includes(id)) ? true : undefined;
      }, 'the rebuilt caseload to list every trajectory');
    });

    it('lists who retention would erase today, erasing nobody', async () => {
      const res = await e2e.http().get('/admin/retention/dry-run').set(await authHeaders(ADMIN));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ today: '2026-03-02', households: [] });
    });
  } else {
    it('sends rebuilds to the worker when the API does not run the projections', async () => {
      const res = await e2e.http().post('/admin/projections/caseload/rebuild').set(await authHeaders(ADMIN));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('projections-run-elsewhere');
    });
  }
});
