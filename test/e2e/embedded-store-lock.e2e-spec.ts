import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { mintToken, readAuthSecret } from '../../libs/auth/src';
import type { Role } from '../../libs/domain/src';
import { DATA_DIR_LOCK_FILE } from '../../libs/event-store/src';
import { waitFor } from '../../projections/core/testing/wait-for';
import { saisine } from './support/fixtures';

/**
 * issue 15 §1 with real processes on one embedded data directory: the API, a second API, a worker
 * and the CLI, each `node` running the TypeScript sources (as the crash tests do).
 */
const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'projections/core/testing/swc-register.cjs');
const API = join(ROOT, 'apps/api/src/main.ts');
const WORKER = join(ROOT, 'apps/worker/src/main.ts');
const CLI = join(ROOT, 'apps/cli/src/main.ts');

type Child = ChildProcessByStdio<null, Readable, Readable> & { lines: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

describe('one process per embedded data directory (real processes)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'embedded-lock-'));
  const dataDir = join(parent, 'data');
  const children: Child[] = [];

  function start(script: string, args: string[] = [], env: Record<string, string> = {}): Child {
    const child = spawn(process.execPath, ['-r', REGISTER, script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, HOST: '127.0.0.1', RETENTION_JOB: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }) as Child;
    child.lines = [];
    const collect = (chunk: Buffer) => child.lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== '').map(messageOf));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    children.push(child);
    return child;
  }

  async function startApi(): Promise<{ child: Child; url: string }> {
    const port = await freePort();
    const child = start(API, [], { PORT: String(port) });
    await waitFor(() => child.lines.some((l) => l.startsWith('API listening')) || child.exitCode !== null, 'the API to listen', 90_000);
    if (child.exitCode !== null) throw new Error(`the API exited: ${child.lines.join('\n')}`);
    return { child, url: `http://127.0.0.1:${port}` };
  }

  async function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; lines: string[] }> {
    const child = start(script, args, env);
    const { code } = await child.exited;
    return { code, lines: child.lines };
  }

  async function call(url: string, role: Role, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const secret = readAuthSecret(dataDir);
    if (!secret) throw new Error('no auth secret in the data directory');
    const token = await mintToken({ secret, subject: `${role}-1`, role, expiresIn: '5m' });
    const response = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    rmSync(parent, { recursive: true, force: true });
  });

  it('refuses a second API and a worker with one line, serves the CLI through the API, and keeps every acknowledged command across a SIGKILL', async () => {
    const first = await startApi();
    const holder = JSON.parse(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8')) as { pid: number; url?: string; startedAt: string };
    expect(holder).toMatchObject({ pid: first.child.pid, url: first.url });
    expect(Number.isNaN(Date.parse(holder.startedAt))).toBe(false);

    // A second API and a worker on the same directory: refused at once, one line each, nothing written.
    const filesBefore = listFiles(dataDir);
    const second = await run(API, [], { PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.lines).toEqual([
      expect.stringMatching(new RegExp(`^Start-up failed: .*data is in use by the api \\(pid ${first.child.pid}, started .*, serving ${first.url}\\): stop the API, or use DATABASE_URL`)),
    ]);
    const worker = await run(WORKER, []);
    expect(worker.code).toBe(1);
    expect(worker.lines).toEqual([expect.stringMatching(new RegExp(`worker: cannot start: .*in use by the api \\(pid ${first.child.pid},.*stop the API, or use DATABASE_URL`))]);
    expect(listFiles(dataDir)).toEqual(filesBefore);

    // Commands the first API acknowledges.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await call(first.url, 'secretary', 'POST', '/trajectories', saisine(day, { programmeCode: 'avdl-generic', conventionId: undefined }));
      expect(created.status).toBe(201);
      ids.push(String(created.body.trajectoryId));
    }

    // The CLI finds the API in the lock and sends it the work: nothing opens the store beside it.
    const verified = await run(CLI, ['verify', '--all']);
    expect(verified.lines.join('\n')).toContain(`through the API at ${first.url} (pid ${first.child.pid}`);
    expect(verified.lines).toContain('all 6 streams intact, 6 stored events checked row by row');
    expect(verified.code).toBe(0);
    const rebuilt = await run(CLI, ['rebuild', 'caseload']);
    expect(rebuilt.lines.join('\n')).toContain(`through the API at ${first.url}`);
    expect(rebuilt.lines).toContainEqual(expect.stringMatching(/^caseload rebuilt: 6 events in/));
    expect(rebuilt.code).toBe(0);
    const replayed = await run(CLI, ['replay', ids[0]]);
    expect(replayed.lines).toContain('hash chain: intact (1 events checked)');
    expect(replayed.code).toBe(0);
    const dryRun = await run(CLI, ['retention', '--dry-run']);
    expect(dryRun.lines).toContainEqual(expect.stringMatching(/^0 household\(s\) past their retention period on \d{4}-\d{2}-\d{2} \(dry run: nothing erased\)$/));
    expect(dryRun.lines.join('\n')).toContain(`through the API at ${first.url}`);
    expect(dryRun.code).toBe(0);
    const erase = await run(CLI, ['retention']);
    expect(erase.lines).toEqual([expect.stringMatching(/^error: .*data is held by the API \(pid \d+\): stop it to run the retention sweep/)]);
    expect(erase.code).toBe(1);
    // The rebuilt caseload is the live one, whole.
    await waitFor(async () => {
      const caseload = await call(first.url, 'coordinator', 'GET', '/caseload');
      return caseload.status === 200 && JSON.stringify(caseload.body).split('"trajectoryId"').length - 1 >= 6 ? true : undefined;
    }, 'the caseload to list the six trajectories', 30_000);

    // SIGKILL: the lock stays behind, naming a process that is gone.
    first.child.kill('SIGKILL');
    await first.child.exited;
    expect(existsSync(join(dataDir, DATA_DIR_LOCK_FILE))).toBe(true);

    // The next API takes the stale lock over, says so, and has everything the first acknowledged.
    const restarted = await startApi();
    expect(restarted.child.lines).toContainEqual(expect.stringMatching(new RegExp(`^Took over the lock of the api \\(pid ${first.child.pid}, started .*\\) on .*: that process is no longer running\\.$`)));
    for (const id of ids) expect((await call(restarted.url, 'coordinator', 'GET', `/trajectories/${id}`)).status).toBe(200);
    const afterRestart = await run(CLI, ['verify', '--all']);
    expect(afterRestart.lines).toContain('all 6 streams intact, 6 stored events checked row by row');
    expect(afterRestart.code).toBe(0);

    // A clean stop lets go of the lock; the CLI then opens the store itself.
    restarted.child.kill('SIGTERM');
    expect((await restarted.child.exited).code === 0 || (await restarted.child.exited).signal === 'SIGTERM').toBe(true);
    expect(existsSync(join(dataDir, DATA_DIR_LOCK_FILE))).toBe(false);
    const direct = await run(CLI, ['verify', '--all']);
    expect(direct.lines[0]).toMatch(/^store: pglite .*data$/);
    expect(direct.code).toBe(0);
  }, 400_000);
});

/** The API and the worker log JSON lines (libs/logging); the CLI prints text. Compare what they say. */
function messageOf(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : line;
  } catch {
    return line;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}
