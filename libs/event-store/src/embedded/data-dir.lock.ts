import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { EventStoreStartupError } from '../event-store.errors';
import { processStartTime } from './process-start-time';

/**
 * One process per embedded data directory. PGlite has no server arbitrating between processes: two
 * opening the same files each believe they own them, and both acknowledge writes the other
 * overwrites. So every process takes this lock before it reads or writes anything in the directory.
 *
 * The lock is a file created with O_EXCL holding who holds it. A holder that is gone (its pid does
 * not run, or runs a process started at another time: the pid was reused) no longer counts and its
 * lock is taken over, which the taker says on stderr. Within one process the lock is shared and
 * counted, so the API's start-up code and the store it opens can both ask for it.
 */
export const DATA_DIR_LOCK_FILE = 'engine.lock';
const TAKEOVER_GUARD = `${DATA_DIR_LOCK_FILE}.takeover`;

export interface DataDirLockHolder {
  pid: number;
  /** The holder process' start time (ISO): with the pid, tells a live holder from a reused pid. */
  startedAt: string;
  /** 'api', 'worker', 'cli'... */
  app: string;
  hostname: string;
  acquiredAt: string;
  /** Where the holder serves HTTP, once it listens (the API): the CLI sends its work there. */
  url?: string;
}

export interface DataDirLockOptions {
  /** Who asks, for the holder line other processes print. */
  app: string;
  /** Told when a stale lock is taken over; default a line on stderr. */
  onTakeOver?: (line: string) => void;
}

export interface DataDirLock {
  readonly dir: string;
  readonly holder: DataDirLockHolder;
  /** Records where this process serves HTTP, for the CLI. */
  advertise(url: string): void;
  /** Gives back this reference; the file goes with the last one (and at process exit in any case). */
  release(): void;
}

/** A second process asked for a directory that a live process holds. The message is one line. */
export class DataDirLocked extends EventStoreStartupError {
  constructor(
    readonly dir: string,
    readonly holder: DataDirLockHolder,
  ) {
    const elsewhere = holder.hostname !== hostname() ? ` on host ${holder.hostname}` : '';
    const url = holder.url ? `, serving ${holder.url}` : '';
    const stop = holder.app === 'api' ? 'stop the API' : `stop the ${holder.app} (or let it finish)`;
    super(
      'data-dir-locked',
      `The embedded data directory ${dir} is in use by the ${holder.app} (pid ${holder.pid}${elsewhere}, started ${holder.startedAt}${url}): ` +
        `${stop}, or use DATABASE_URL (PostgreSQL) to run several processes on one store.`,
    );
    this.name = 'EventStoreStartupError';
  }
}

interface Held {
  holder: DataDirLockHolder;
  file: string;
  refs: number;
}
const held = new Map<string, Held>();
let exitHookInstalled = false;

/**
 * Takes the lock of the directory (created owner-only when missing), or throws DataDirLocked naming
 * the live holder. Writes nothing when refused.
 */
export function lockDataDir(dir: string, options: DataDirLockOptions): DataDirLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = realpathSync(dir);
  const mine = held.get(key);
  if (mine) {
    mine.refs++;
    return handle(key, mine);
  }
  const file = join(key, DATA_DIR_LOCK_FILE);
  const holder: DataDirLockHolder = {
    pid: process.pid,
    startedAt: processStartTime(process.pid)?.toISOString() ?? new Date(Date.now() - process.uptime() * 1000).toISOString(),
    app: options.app,
    hostname: hostname(),
    acquiredAt: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(file, holder)) break;
    const current = readHolder(file);
    if (current === 'vanished') continue;
    if (current !== 'unreadable' && isAlive(current)) throw new DataDirLocked(dir, current);
    if (current === 'unreadable' && !olderThan(file, 5_000)) {
      // Being written this very moment (create, then write): a live holder.
      if (attempt > 200) throw new EventStoreStartupError('data-dir-locked', `The lock file ${file} cannot be read; if no process uses ${dir}, delete it.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (takeOver(key, file, current, holder)) {
      const was = current === 'unreadable' ? 'an unreadable lock' : `the lock of the ${current.app} (pid ${current.pid}, started ${current.startedAt})`;
      (options.onTakeOver ?? ((line) => process.stderr.write(`${line}\n`)))(`Took over ${was} on ${dir}: that process is no longer running.`);
      break;
    }
  }
  const entry: Held = { holder, file, refs: 1 };
  held.set(key, entry);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without closing (process.exit in a signal handler) still lets go.
    process.once('exit', () => {
      for (const h of held.values()) removeIfMine(h);
    });
  }
  return handle(key, entry);
}

/** The embedded data directory a process configured by `env` uses, or undefined on PostgreSQL. */
export function embeddedDataDirOf(env: NodeJS.ProcessEnv): string | undefined {
  return env.DATABASE_URL?.trim() ? undefined : env.DATA_DIR?.trim() || './data';
}

/** Who holds the directory's lock, and whether that process still runs; undefined when nobody does. */
export function inspectDataDirLock(dir: string): { holder: DataDirLockHolder; alive: boolean } | undefined {
  const current = readHolder(join(dir, DATA_DIR_LOCK_FILE));
  if (current === 'vanished' || current === 'unreadable') return undefined;
  return { holder: current, alive: held.has(safeRealpath(dir)) || isAlive(current) };
}

function handle(key: string, entry: Held): DataDirLock {
  let released = false;
  return {
    dir: key,
    holder: entry.holder,
    advertise(url: string) {
      if (held.get(key) !== entry) return;
      entry.holder.url = url;
      // Replaced in one rename: a reader sees the old or the new content, never half of it.
      const temp = `${entry.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(entry.holder), { mode: 0o600 });
      renameSync(temp, entry.file);
    },
    release() {
      if (released) return;
      released = true;
      if (--entry.refs > 0) return;
      held.delete(key);
      removeIfMine(entry);
    },
  };
}

function createExclusive(file: string, holder: DataDirLockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): DataDirLockHolder | 'vanished' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 'vanished';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as DataDirLockHolder;
    return Number.isInteger(parsed.pid) && typeof parsed.startedAt === 'string' ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function isAlive(holder: DataDirLockHolder): boolean {
  // Another host's pid means nothing here: assume it lives (a shared volume mounted twice).
  if (holder.hostname !== hostname()) return true;
  // Our own pid in a lock this process does not hold: a previous life (a container's pid 1).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code === 'ESRCH') return false;
  }
  const started = processStartTime(holder.pid);
  if (!started) return true;
  return Math.abs(started.getTime() - Date.parse(holder.startedAt)) < 2_000;
}

/**
 * Only one taker may replace a dead holder's file: the guard file serialises them, and the lock is
 * replaced only if it still holds what the taker judged dead.
 */
function takeOver(key: string, file: string, dead: DataDirLockHolder | 'unreadable', next: DataDirLockHolder): boolean {
  const guard = join(key, TAKEOVER_GUARD);
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    // A taker that died inside its takeover leaves the guard behind.
    if (olderThan(guard, 10_000)) unlinkQuietly(guard);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    return false;
  }
  closeSync(fd);
  try {
    const now = readHolder(file);
    const same = now === 'vanished' ? false : now === 'unreadable' ? dead === 'unreadable' : dead !== 'unreadable' && now.pid === dead.pid && now.startedAt === dead.startedAt;
    if (!same) return now === 'vanished' ? createExclusive(file, next) : false;
    unlinkQuietly(file);
    return createExclusive(file, next);
  } finally {
    unlinkQuietly(guard);
  }
}

function removeIfMine(entry: Held): void {
  const current = readHolder(entry.file);
  if (current !== 'vanished' && current !== 'unreadable' && current.pid === process.pid && current.acquiredAt === entry.holder.acquiredAt) unlinkQuietly(entry.file);
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function safeRealpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
