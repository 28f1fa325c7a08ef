import { authHeaders } from './support/auth';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { COORDINATOR, FUNDER, SECRETARY, e2eCatalogue, saisine } from './support/fixtures';
import { TrajectoryClient } from './support/trajectory-client';

/**
 * On PostgreSQL the worker creates and feeds the read models. An API started before it, on a new
 * database, has no table to read: callers must be told to wait (503, Retry-After), not see a crash.
 */
const describeOnPostgres = process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.DATABASE_URL) console.log('SKIPPED read-models-not-ready e2e: set DATABASE_URL to run it on PostgreSQL');

describeOnPostgres('read models not created yet (PostgreSQL, API without projections)', () => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp('postgres', { catalogue: e2eCatalogue(), projectionsInApi: false });
  }, 120_000);
  afterAll(() => e2e?.close());

  it.each([
    ['/caseload', COORDINATOR],
    ['/deadlines', COORDINATOR],
    ['/conventions', FUNDER],
  ])('%s answers 503 read-models-not-ready with Retry-After, in French when asked', async (path, actor) => {
    const res = await e2e.http().get(path).set(await authHeaders(actor)).set('accept-language', 'fr');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ code: 'read-models-not-ready', retryAfterSeconds: 5, detail: expect.stringMatching(/^Les tableaux de suivi/) });
  });

  it('a saisine is still recorded and readable: only the read models wait for the worker', async () => {
    const t = new TrajectoryClient(e2e, COORDINATOR);
    await t.open(saisine('2026-03-02'), SECRETARY);
    const res = await e2e.http().get(`/trajectories/${t.id}`).set(await authHeaders(COORDINATOR));
    expect(res.status).toBe(200);
  });
});
