import { randomUUID } from 'node:crypto';
import { EncryptingEventStore, generateMasterKey, SqlKeyStore } from '../../../../libs/crypto/src';
import { FixedClock } from '../../../../libs/domain/src';
import { SqlEventStore, type NewEvent } from '../../../../libs/event-store/src';
import { InProcessLock } from '../../../../projections/core/projection.lock';
import type { ProjectionRuntime } from '../../../../projections/core/projection-runtime';
import { storeMigrator } from '../../../../projections/core/store.migrator';
import { pgliteTestDatabase, type TestDatabase } from '../../../../projections/core/testing/test-database';
import { TrajectoryJourney } from '../../../../projections/core/trajectory-events.builder';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { RetentionJob, type Timers } from './retention.job';
import { privacyRuntimeOver, retentionReadModelReady, retentionSweep } from './retention.runtime';

const DAY = 24 * 60 * 60 * 1000;

/** Timers the test fires by hand: the job's schedule is checked without waiting a day. */
function manualTimers(): Timers & { delays: number[]; fire(): void } {
  let pending: (() => void) | undefined;
  return {
    delays: [],
    setTimeout(fn, ms) {
      this.delays.push(ms);
      pending = fn;
      return this.delays.length;
    },
    clearTimeout: () => {
      pending = undefined;
    },
    fire() {
      const fn = pending;
      pending = undefined;
      fn?.();
    },
  };
}

/** The events of a journey as the API writes them: every one names its household. */
function forHousehold(j: TrajectoryJourney, householdId: string): NewEvent[] {
  return j.events.map((e) => ({ ...e, metadata: { ...e.metadata, householdId } }));
}

describe('the retention job (FixedClock, PGlite)', () => {
  let db: TestDatabase;
  let runtime: ProjectionRuntime;
  const clock = new FixedClock('2025-07-01T02:00:00Z');
  const closedLongAgo = randomUUID();
  const closedLater = randomUUID();
  const stillOpen = randomUUID();

  beforeAll(async () => {
    db = await pgliteTestDatabase();
    const store = await SqlEventStore.open(db, { clock });
    runtime = { store, db, lock: new InProcessLock(), migrator: storeMigrator, description: 'pglite', close: async () => undefined };
    const writer = new EncryptingEventStore(store, await SqlKeyStore.open(db, { current: generateMasterKey('k1') }));
    const journeys: [TrajectoryJourney, string][] = [
      [new TrajectoryJourney({ householdId: closedLongAgo }).saisine('2023-01-05', 'Gribouille').withdraw('2023-06-01', 'saisine'), closedLongAgo],
      [new TrajectoryJourney({ householdId: closedLater }).saisine('2024-01-05').firstContact('2024-02-01').conclude('2024-09-01', 'autonomous'), closedLater],
      [new TrajectoryJourney({ householdId: stillOpen }).saisine('2022-01-05').assign('2022-01-06', 'referent-1'), stillOpen],
    ];
    for (const [j, h] of journeys) await writer.append(j.streamId, forHousehold(j, h));
  });
  afterAll(() => db.close());

  it('sweeps at start, then daily; erases each household once its retention period is over, never one with an open trajectory', async () => {
    const privacy = await privacyRuntimeOver(runtime, {}, clock);
    const logs: string[] = [];
    const timers = manualTimers();
    const job = new RetentionJob({
      sweep: retentionSweep(privacy, testDeps().programmes, clock),
      clock,
      ready: () => retentionReadModelReady(runtime, { runHere: true, timeoutMs: 30_000 }),
      logger: { info: (m) => logs.push(m), error: (m) => logs.push(`ERROR ${m}`) },
      timers,
    });
    const settled = async (count: number) => {
      for (let i = 0; i < 600 && timers.delays.length < count; i++) await new Promise((r) => setTimeout(r, 50));
    };

    job.start();
    expect(timers.delays).toEqual([0]);
    timers.fire();
    await settled(2);
    expect(timers.delays).toEqual([0, DAY]);
    expect(await privacy.keys.status(closedLongAgo)).toBe('destroyed');
    expect(await privacy.keys.status(closedLater)).toBe('live');
    expect(logs.find((l) => l.includes(closedLongAgo))).toMatch(/^retention: \[1\/1\] household \S+ erased: last contact 2023-06-01, asll-test keeps 24 months, expired 2025-06-01$/);

    clock.set('2026-09-01T02:00:00Z');
    timers.fire();
    await settled(3);
    expect(await privacy.keys.status(closedLater)).toBe('destroyed');
    expect(await privacy.keys.status(stillOpen)).toBe('live');
    const records = (await runtime.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'HouseholdErased'`)).rows[0];
    expect(records.n).toBe(2);
    expect(logs.filter((l) => l.startsWith('ERROR'))).toEqual([]);
    await job.stop();
  });

  it('skips a run whose read model is not ready, and retries sooner', async () => {
    const timers = manualTimers();
    const logs: string[] = [];
    const job = new RetentionJob({
      sweep: { run: async () => ({ today: '', erased: [], failed: [] }) },
      clock,
      ready: () => Promise.reject(new Error('projections retention have not reached 12/40 within 600000 ms')),
      logger: { info: (m) => logs.push(m), error: (m) => logs.push(m) },
      timers,
      retryMs: 60_000,
    });
    job.start();
    timers.fire();
    for (let i = 0; i < 100 && timers.delays.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(timers.delays).toEqual([0, 60_000]);
    expect(logs).toEqual(['retention: run skipped: projections retention have not reached 12/40 within 600000 ms']);
    await job.stop();
  });
});
