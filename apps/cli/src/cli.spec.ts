import { randomUUID } from 'node:crypto';
import { InProcessLock } from '../../../projections/core/projection.lock';
import type { ProjectionRuntime } from '../../../projections/core/projection-runtime';
import { storeMigrator } from '../../../projections/core/store.migrator';
import { countingProjection } from '../../../projections/core/testing/counting.projection';
import { MemoryEventStore } from '../../../projections/core/testing/memory-event.store';
import { pgliteTestDatabase, type TestDatabase } from '../../../projections/core/testing/test-database';
import { captureLog } from '../../../libs/logging/src/testing/captured-log';
import { runCli } from './cli';
import type { CliIo } from './cli-command';
import { rebuildCommand } from './commands/rebuild.command';

function capture(interactive = false): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    env: {},
    interactive,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io;
}

describe('cli', () => {
  let db: TestDatabase;
  const store = new MemoryEventStore();
  const lock = new InProcessLock();
  let closed = 0;
  const runtime = (): Promise<ProjectionRuntime> =>
    Promise.resolve({ store, db, lock, migrator: storeMigrator, description: 'memory + pglite', close: async () => void closed++ });
  const commands = () => [rebuildCommand({ openRuntime: runtime, projections: () => [countingProjection()] })];

  beforeAll(async () => {
    db = await pgliteTestDatabase();
    for (let s = 0; s < 5; s++) await store.append(`s-${s}`, Array.from({ length: 50 }, () => ({ id: randomUUID(), type: 'Happened', data: {} })));
  });
  afterAll(() => db.close());

  it('lists its commands and explains unknown ones (exit 2)', async () => {
    const io = capture();
    expect(await runCli([], commands(), io)).toBe(2);
    expect(io.stdout).toContain('rebuild');
    const unknown = capture();
    expect(await runCli(['frobnicate'], commands(), unknown)).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const help = capture();
    expect(await runCli(['help', 'rebuild'], commands(), help)).toBe(0);
    expect(help.stdout).toMatch(/usage: npm run cli -- rebuild/);
  });

  it('refuses an unknown projection with the list of known ones', async () => {
    const io = capture();
    expect(await runCli(['rebuild', 'nope'], commands(), io)).toBe(2);
    expect(io.stderr).toMatch(/unknown projection nope \(known: counting\)/);
  });

  it('rebuilds a projection from scratch, printing progress and the rate', async () => {
    await db.query('SELECT 1');
    const io = capture();
    expect(await runCli(['rebuild', 'counting', '--batch-size', '20'], commands(), io)).toBe(0);
    expect(io.stdout).toMatch(/counting: 250 \/ 250 events \(100 %\), [\d,]+ events\/s/);
    expect(io.stdout).toMatch(/counting rebuilt: 250 events in [\d.]+ s/);
    const { rows } = await db.query<{ n: string }>('SELECT sum(count) AS n FROM counting_streams');
    expect(Number(rows[0].n)).toBe(250);
    expect(closed).toBeGreaterThan(0);
  });

  it('fails with a clear message while another runner holds the projection, or waits with --wait', async () => {
    const held = await lock.acquire('counting');
    const io = capture();
    expect(await runCli(['rebuild', '--all'], commands(), io)).toBe(1);
    expect(io.stderr).toMatch(/error: rebuild failed: Projection counting is being run by this process .*Stop the worker/);
    const waiting = runCli(['rebuild', '--all', '--wait'], commands(), capture());
    await held?.release();
    expect(await waiting).toBe(0);
  });

  it('exits 1 with the reason when the store cannot be opened', async () => {
    const failing = [rebuildCommand({ openRuntime: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5999')), projections: () => [countingProjection()] })];
    const io = capture();
    expect(await runCli(['rebuild', 'counting'], failing, io)).toBe(1);
    expect(io.stderr).toBe('error: rebuild failed: connect ECONNREFUSED 127.0.0.1:5999\n');
  });

  it('logs a failure with its stack when given a log', async () => {
    const log = captureLog('cli');
    const failing = [rebuildCommand({ openRuntime: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5999')), projections: () => [countingProjection()] })];
    expect(await runCli(['rebuild', 'counting'], failing, { ...capture(), log: log.logger })).toBe(1);
    expect(log.records()).toEqual([
      expect.objectContaining({ level: 'error', service: 'cli', command: 'rebuild', msg: 'cli: rebuild failed', err: expect.objectContaining({ stack: expect.stringContaining('cli.spec.ts') }) }),
    ]);
  });
});
