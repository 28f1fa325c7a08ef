jest.mock('@electric-sql/pglite', () => jest.requireActual('../testing/pglite-outside-sandbox').loadPGliteModule());

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlDatabase } from '../sql/pglite-sql-database';
import { DATA_DIR_LOCK_FILE, DataDirLocked, inspectDataDirLock, lockDataDir, type DataDirLockHolder } from './data-dir.lock';
import { processStartTime } from './process-start-time';

const REGISTER = join(__dirname, '../../../../projections/core/testing/swc-register.cjs');
const LOCK_MODULE = join(__dirname, 'data-dir.lock.ts');

/** Runs lockDataDir in another process: what a second API, worker or CLI would do. */
function lockFromChild(dir: string): { status: number | null; stdout: string; stderr: string } {
  const script = `
    const { lockDataDir } = require(${JSON.stringify(LOCK_MODULE)});
    try { lockDataDir(${JSON.stringify(dir)}, { app: 'worker' }); console.log('locked'); }
    catch (e) { console.error(e.message); process.exit(3); }`;
  const r = spawnSync(process.execPath, ['-r', REGISTER, '-e', script], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('the embedded data directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dir-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the pid and start time, refuses a second process with one line naming the holder, and lets go on release', () => {
    const lock = lockDataDir(dir, { app: 'api' });
    const holder = JSON.parse(readFileSync(join(dir, DATA_DIR_LOCK_FILE), 'utf8')) as DataDirLockHolder;
    expect(holder).toMatchObject({ pid: process.pid, app: 'api' });
    expect(Math.abs(Date.parse(holder.startedAt) - (processStartTime(process.pid)?.getTime() ?? NaN))).toBeLessThan(2000);

    lock.advertise('http://127.0.0.1:4321');
    const before = readdirSync(dir).sort();
    const refused = lockFromChild(dir);
    expect(refused.status).toBe(3);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`in use by the api \\(pid ${process.pid}, started .*serving http://127.0.0.1:4321\\): stop the API, or use DATABASE_URL`)),
    ]);
    // The refused process wrote nothing.
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(inspectDataDirLock(dir)).toMatchObject({ alive: true, holder: { pid: process.pid, url: 'http://127.0.0.1:4321' } });

    lock.release();
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
    expect(lockFromChild(dir)).toMatchObject({ status: 0, stdout: 'locked\n' });
    // The child exited normally: it removed its lock.
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
  });

  it('is shared within a process and removed with its last reference', () => {
    const first = lockDataDir(dir, { app: 'api' });
    const second = lockDataDir(dir, { app: 'api' });
    first.release();
    expect(lockFromChild(dir).status).toBe(3);
    second.release();
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a process that is gone, and says so', () => {
    const pid = deadPid();
    writeFileSync(join(dir, DATA_DIR_LOCK_FILE), JSON.stringify({ pid, startedAt: new Date().toISOString(), app: 'api', hostname: hostname(), acquiredAt: new Date().toISOString() }));
    const lines: string[] = [];
    const lock = lockDataDir(dir, { app: 'cli', onTakeOver: (l) => lines.push(l) });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Took over the lock of the api \\(pid ${pid}, started .*\\) on .*: that process is no longer running\\.$`))]);
    expect(JSON.parse(readFileSync(join(dir, DATA_DIR_LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, app: 'cli' });
    lock.release();
  });

  it('lets exactly one of several processes racing for a stale lock take it', async () => {
    writeFileSync(join(dir, DATA_DIR_LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: new Date().toISOString(), app: 'api', hostname: hostname(), acquiredAt: new Date().toISOString() }));
    const script = `
      try { require(${JSON.stringify(LOCK_MODULE)}).lockDataDir(${JSON.stringify(dir)}, { app: 'cli', onTakeOver: () => {} }); console.log('locked'); setInterval(() => {}, 1000); }
      catch (e) { console.log('refused'); process.exit(3); }`;
    const racers = Array.from({ length: 4 }, () => spawn(process.execPath, ['-r', REGISTER, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }));
    const outcomes = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              if (/locked|refused/.test(out)) resolve(out.trim());
            });
          }),
      ),
    );
    for (const child of racers) child.kill('SIGKILL');
    await Promise.all(racers.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.on('exit', resolve)))));
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(3);
  });

  it('does not mistake a reused pid for the holder: same pid, another start time, is stale', () => {
    // The parent of this jest worker runs, but it did not start at this time.
    writeFileSync(
      join(dir, DATA_DIR_LOCK_FILE),
      JSON.stringify({ pid: process.ppid, startedAt: '2001-01-01T00:00:00.000Z', app: 'api', hostname: hostname(), acquiredAt: '2001-01-01T00:00:00.000Z' }),
    );
    const lines: string[] = [];
    lockDataDir(dir, { app: 'cli', onTakeOver: (l) => lines.push(l) }).release();
    expect(lines).toHaveLength(1);
  });

  it('refuses while a live process holds it, even one killed later is then taken over', async () => {
    const child = spawn(process.execPath, ['-r', REGISTER, '-e', `require(${JSON.stringify(LOCK_MODULE)}).lockDataDir(${JSON.stringify(dir)}, { app: 'worker' }); console.log('held'); setInterval(() => {}, 1000);`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()));
    expect(() => lockDataDir(dir, { app: 'cli' })).toThrow(DataDirLocked);
    expect(() => lockDataDir(dir, { app: 'cli' })).toThrow(new RegExp(`in use by the worker \\(pid ${child.pid}, .*\\): stop the worker \\(or let it finish\\), or use DATABASE_URL`));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(inspectDataDirLock(dir)).toMatchObject({ alive: false, holder: { pid: child.pid } });
    const lines: string[] = [];
    lockDataDir(dir, { app: 'cli', onTakeOver: (l) => lines.push(l) }).release();
    expect(lines).toEqual([expect.stringContaining(`(pid ${child.pid},`)]);
  });
});

describe('the embedded data directory on disk', () => {
  it('is created owner-only, and no file PGlite writes in it is readable by others', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dir-mode-'));
    const dir = join(parent, 'data');
    const previous = process.umask(0o000);
    try {
      const db = await PgliteSqlDatabase.create({ dataDir: dir });
      // Writes after the open: new relation files and WAL records.
      await db.exec('CREATE TABLE later (n int); INSERT INTO later SELECT generate_series(1, 5000); CHECKPOINT;');
      await db.close();
      // A restart rewrites PGlite's relcache files.
      const again = await PgliteSqlDatabase.create({ dataDir: dir });
      await again.exec('CREATE TABLE later_still (n int); INSERT INTO later_still VALUES (1);');
      await again.close();
      const open = walk(dir).filter((p) => (statSync(p).mode & 0o077) !== 0);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(walk(dir).length).toBeGreaterThan(100);
      expect(open).toEqual([]);
    } finally {
      process.umask(previous);
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it('narrows what an earlier run left open to others, and is not opened twice in one process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dir-mode-'));
    try {
      writeFileSync(join(dir, 'left-open'), 'x', { mode: 0o666 });
      chmodSync(join(dir, 'left-open'), 0o666);
      chmodSync(dir, 0o777);
      const db = await PgliteSqlDatabase.create({ dataDir: dir });
      // Nor twice in one process.
      await expect(PgliteSqlDatabase.create({ dataDir: dir })).rejects.toMatchObject({ reason: 'data-dir-locked' });
      await db.close();
      expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
      expect(statSync(join(dir, 'left-open')).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses, with mustExist, a directory that holds no store, and creates nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dir-missing-'));
    try {
      await expect(PgliteSqlDatabase.create({ dataDir: join(parent, 'data'), mustExist: true })).rejects.toMatchObject({ reason: 'store-missing' });
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

function walk(path: string): string[] {
  const stat = statSync(path);
  return stat.isDirectory() ? [path, ...readdirSync(path).flatMap((n) => walk(join(path, n)))] : [path];
}
