import { PgAdvisoryLock } from './pg-advisory.lock';
import { DATABASE_URL, testSchemaName } from './testing/test-database';
import { waitFor } from './testing/wait-for';

const describePg = DATABASE_URL ? describe : describe.skip;
if (!DATABASE_URL) console.warn('pg-advisory.lock.spec: DATABASE_URL is not set, PostgreSQL lock tests skipped');

describePg('PgAdvisoryLock (PostgreSQL)', () => {
  const namespace = testSchemaName('lock');
  const lockA = new PgAdvisoryLock({ connectionString: DATABASE_URL ?? '', namespace, heartbeatMs: 50 });
  const lockB = new PgAdvisoryLock({ connectionString: DATABASE_URL ?? '', namespace, heartbeatMs: 50 });

  it('makes a second holder wait until the first releases, then hands over', async () => {
    const a = await lockA.acquire('caseload');
    expect(a).toBeDefined();
    expect(await lockB.acquire('caseload', { wait: false })).toBeUndefined();
    expect(await lockB.describeHolder('caseload')).toMatch(/projection-lock:caseload/);

    let bGot = false;
    const b = lockB.acquire('caseload').then((h) => {
      bGot = true;
      return h;
    });
    // Another projection's lock is independent.
    const other = await lockB.acquire('deadlines', { wait: false });
    expect(other).toBeDefined();
    await other?.release();
    expect(bGot).toBe(false);
    await a?.release();
    const handle = await b;
    expect(handle).toBeDefined();
    await handle?.release();
    expect(await lockB.describeHolder('caseload')).toBeUndefined();
  });

  it('stops waiting when the signal aborts', async () => {
    const a = await lockA.acquire('funder');
    const abort = new AbortController();
    const waiting = lockB.acquire('funder', { signal: abort.signal });
    abort.abort();
    expect(await waiting).toBeUndefined();
    await a?.release();
  });

  it('reports the lock lost when its session is terminated', async () => {
    const a = await lockA.acquire('lost');
    expect(a).toBeDefined();
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'projection-lock:lost:%'`);
    await admin.end();
    const lost = await waitFor(() => Promise.race([a?.lost, new Promise<undefined>((r) => setTimeout(() => r(undefined), 100))]), 'lost');
    expect(lost).toBeInstanceOf(Error);
    // The terminated session freed the lock.
    const b = await lockB.acquire('lost', { wait: false });
    expect(b).toBeDefined();
    await b?.release();
    await a?.release();
  });
});
