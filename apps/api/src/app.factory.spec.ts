// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import request from 'supertest';
import { TEST_AUTH } from '../../../libs/auth/src/testing/test-tokens';
import { EventStoreStartupError } from '../../../libs/event-store/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { testDeps } from '../../../workflows/trajectory/src/testing';
import { createApp } from './app.factory';
import { describeStartupFailure } from './startup/describe-startup-failure';
import { EVENT_STORE } from './store/store.tokens';

describe('createApp', () => {
  it('opens an in-memory PGlite store by default, reports it on /health and closes it with the app', async () => {
    const { app, storeDescription } = await createApp({ auth: TEST_AUTH, catalogue: testDeps(), logger: false, docs: false });
    expect(storeDescription).toMatch(/^pglite in memory/);
    await app.getHttpAdapter().getInstance().ready();
    const health = await request(app.getHttpAdapter().getInstance().server).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', store: { ok: true, kind: 'pglite', lastGlobalPosition: 0 } });
    expect(health.body.store.schemaVersion).toBeGreaterThan(0);

    const store = app.get<EventStore>(EVENT_STORE);
    await app.close();
    await expect(store.info()).rejects.toThrow();
  });

  it('fails on a bad DATABASE_URL with one line that says what to fix', async () => {
    const failure = createApp({ auth: TEST_AUTH, catalogue: testDeps(), databaseUrl: 'not a url', logger: false });
    await expect(failure).rejects.toBeInstanceOf(EventStoreStartupError);
    const line = describeStartupFailure(await failure.catch((e: unknown) => e));
    expect(line).toMatch(/^Start-up failed: DATABASE_URL is not a valid URL/);
    expect(line).not.toContain('\n');
  });

  it('fails on an unreachable database with one line naming host and port, without the password', async () => {
    const failure = createApp({
      auth: TEST_AUTH,
      catalogue: testDeps(),
      databaseUrl: 'postgres://app:s3cret@127.0.0.1:1/test',
      logger: false,
    });
    const line = describeStartupFailure(await failure.then(() => undefined, (e: unknown) => e));
    expect(line).toMatch(/^Start-up failed: .*127\.0\.0\.1:1/);
    expect(line).not.toContain('s3cret');
  });
});
