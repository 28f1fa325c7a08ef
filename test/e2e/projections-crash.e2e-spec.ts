import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PgSqlDatabase, SqlEventStore } from '../../libs/event-store/src';
import { checkpointRepository } from '../../projections/core/checkpoint.repository';
import { PgAdvisoryLock } from '../../projections/core/pg-advisory.lock';
import { rebuildProjection } from '../../projections/core/projection.rebuilder';
import { ProjectionSchema } from '../../projections/core/projection.schema';
import { storeMigrator } from '../../projections/core/store.migrator';
import { endOfLog } from '../../projections/core/testing/end-of-log';
import { dumpProjection } from '../../projections/core/testing/projection-dump';
import { generateJourneys, type GeneratedTrajectory } from '../../projections/core/testing/random-journeys';
import { DATABASE_URL, testSchemaName } from '../../projections/core/testing/test-database';
import { waitFor } from '../../projections/core/testing/wait-for';
import { builtInProjections } from '../../projections/projections.catalogue';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'projections/core/testing/swc-register.cjs');
const WORKER = join(ROOT, 'apps/worker/src/main.ts');
const NAMES = builtInProjections().map((p) => p.name);

const describePg = DATABASE_URL ? describe : describe.skip;
if (!DATABASE_URL) console.warn('projections-crash.e2e-spec: DATABASE_URL is not set, the worker crash tests (PostgreSQL only) are skipped');

type Child = ChildProcessByStdio<null, Readable, Readable> & { lines: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

describePg('worker crash safety (PostgreSQL, worker as a child process)', () => {
  const schema = testSchemaName('crash');
  const db = new PgSqlDatabase({ connectionString: DATABASE_URL ?? '', schema, applicationName: 'crash-test' });
  let store: SqlEventStore;
  const journeys: GeneratedTrajectory[] = generateJourneys({ count: 300, seed: 777 });
  let appended = 0;
  const children: Child[] = [];

  function spawnWorker(env: Record<string, string> = {}): Child {
    const child = spawn(process.execPath, ['-r', REGISTER, WORKER], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: DATABASE_URL ?? '',
        DATABASE_SCHEMA: schema,
        FEED_SECRET: randomBytes(32).toString('base64'),
        PROJECTIONS_BATCH_SIZE: '40',
        PROJECTIONS_POLL_MS: '20',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }) as Child;
    child.lines = [];
    // A read from a pipe may end inside a line: keep the unfinished tail until its newline comes.
    const collector = () => {
      let tail = '';
      return (chunk: Buffer) => {
        const parts = (tail + chunk.toString('utf8')).split('\n');
        tail = parts.pop() ?? '';
        child.lines.push(...parts.filter(Boolean));
      };
    };
    child.stdout.on('data', collector());
    child.stderr.on('data', collector());
    child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    children.push(child);
    return child;
  }

  async function kill(child: Child): Promise<void> {
    child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
  }

  /** Live traffic: the next trajectories, each appended as the API would (one append per trajectory). */
  async function appendJourneys(n: number): Promise<void> {
    for (const j of journeys.slice(appended, appended + n)) await store.append(j.streamId, j.events, { expectedVersion: 'no-stream' });
    appended = Math.min(journeys.length, appended + n);
  }

  async function applied(): Promise<Record<string, number>> {
    const rows = await checkpointRepository.all(db).catch(() => []);
    return Object.fromEntries(rows.map((r) => [r.name, r.eventsApplied]));
  }

  async function caughtUp(names: readonly string[] = NAMES): Promise<boolean> {
    const lastPosition = await endOfLog(db);
    const rows = await checkpointRepository.all(db).catch(() => []);
    return names.every((n) => rows.find((r) => r.name === n)?.checkpoint === lastPosition);
  }

  /** The projections a worker runs, from its start-up line "worker: running a, b, c on ...". */
  function projectionsRunBy(child: Child): string[] | undefined {
    const line = child.lines.find((l) => l.includes('worker: running '));
    return line?.split('worker: running ')[1].split(' on ')[0].split(', ');
  }

  function locksTakenBy(child: Child): string[] {
    return child.lines.flatMap((l) => /projection (\S+): lock taken/.exec(l)?.[1] ?? []);
  }

  beforeAll(async () => {
    store = await SqlEventStore.open(db);
  });
  afterEach(async () => {
    // A failed test must not leave a worker holding the locks the next one needs.
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await store?.close();
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.close();
  });

  it('loses nothing and counts nothing twice when the worker is SIGKILLed inside batches, again and again', async () => {
    // Killed while a batch transaction is open half-way (held there by the test seam).
    for (let cycle = 0; cycle < 5; cycle++) {
      await appendJourneys(30);
      const child = spawnWorker({ PROJECTIONS_TEST_HOLD_MID_BATCH: String(2 + (cycle % 3)) });
      await waitFor(() => child.lines.some((l) => l.includes('mid-batch')), `cycle ${cycle}: a batch held open`, 60_000);
      // The held transaction has written rows of a read model in this schema, uncommitted.
      const { rows: open } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_locks l
           JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace ns ON ns.oid = c.relnamespace
           JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE ns.nspname = $1 AND l.mode = 'RowExclusiveLock' AND l.granted AND a.state = 'idle in transaction'`,
        [schema],
      );
      expect(Number(open[0].n)).toBeGreaterThanOrEqual(1);
      await kill(child);
    }
    // Killed at whatever point it reached once it has applied something more.
    for (let cycle = 0; cycle < 3; cycle++) {
      await appendJourneys(30);
      const before = await applied();
      const child = spawnWorker();
      await waitFor(async () => {
        const now = await applied();
        return NAMES.some((n) => (now[n] ?? 0) > (before[n] ?? 0));
      }, 'some progress', 60_000);
      await kill(child);
    }
    await appendJourneys(journeys.length);

    const last = spawnWorker();
    await waitFor(caughtUp, 'the last worker to catch up', 120_000);
    last.kill('SIGTERM');
    expect((await last.exited).code).toBe(0);

    // Exactly once: each projection counted every event of the store, no more, no less.
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM events');
    const total = Number(rows[0].n);
    expect(total).toBeGreaterThan(3000);
    const counts = await applied();
    for (const name of NAMES) expect({ name, applied: counts[name] }).toEqual({ name, applied: total });

    // And the tables are exactly what a rebuild from scratch gives.
    const live: Record<string, Record<string, string[]>> = {};
    for (const p of builtInProjections()) live[p.name] = await dumpProjection(db, p);
    expect(live.caseload.caseload_trajectories).toHaveLength(journeys.length);
    const lock = new PgAdvisoryLock({ connectionString: DATABASE_URL ?? '', namespace: schema });
    for (const projection of builtInProjections()) {
      await rebuildProjection({ store, db, schema: new ProjectionSchema(db, storeMigrator), lock, projection, batchSize: 500 });
      const rebuilt = await dumpProjection(db, projection);
      for (const table of projection.tables) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[projection.name][table] });
    }
  }, 300_000);

  it('lets a second worker wait for the locks and take over when the first one dies', async () => {
    const more = generateJourneys({ count: 40, seed: 4242 });
    for (const j of more) await store.append(j.streamId, j.events, { expectedVersion: 'no-stream' });
    const first = spawnWorker({ PROJECTIONS_TEST_HOLD_MID_BATCH: '1' });
    await waitFor(() => first.lines.some((l) => l.includes('mid-batch')), 'the first worker inside a batch', 60_000);
    const second = spawnWorker();
    const running = await waitFor(() => projectionsRunBy(second), 'the second worker to start', 60_000);
    expect(running).toEqual(expect.arrayContaining(NAMES));
    // The second one blocks in pg_advisory_lock for every projection it runs: the first one holds them all.
    await waitFor(async () => {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name LIKE $1 AND wait_event_type = 'Lock'`,
        [`projection-lock:%:${second.pid}`],
      );
      return Number(rows[0].n) >= running.length;
    }, 'the second worker waiting for every lock', 60_000);
    // While the first one lives, the second has taken no lock: it waits instead of running beside it.
    expect(locksTakenBy(second)).toEqual([]);
    await kill(first);
    // Each lock taken, then caught up. Only the held projection is behind when the first dies (its
    // other runners had caught up), so "caught up" alone says nothing about the other locks.
    await waitFor(() => running.every((n) => locksTakenBy(second).includes(n)), 'the second worker to take every lock', 120_000);
    expect(locksTakenBy(second).sort()).toEqual([...running].sort());
    await waitFor(() => caughtUp(running), 'the second worker to catch up', 120_000);
    second.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM events');
    const counts = await applied();
    for (const name of NAMES) expect(counts[name]).toBe(Number(rows[0].n));
  }, 300_000);
});
