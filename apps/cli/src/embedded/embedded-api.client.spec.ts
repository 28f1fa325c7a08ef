import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, jwtVerify } from 'jose';
import { lockDataDir, type DataDirLock } from '../../../../libs/event-store/src';
import { embeddedApiFor } from './embedded-api.client';

const SECRET = 'a-secret-long-enough-for-hs256-tokens-0123456789';

describe('the CLI finding the API that holds the embedded store', () => {
  let dir: string;
  let lock: DataDirLock | undefined;
  let server: Server | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-api-'));
    writeFileSync(join(dir, 'auth-secret'), `${SECRET}\n`, { mode: 0o600 });
  });
  afterEach(async () => {
    lock?.release();
    lock = undefined;
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  it('opens the store itself when nobody holds it, or on PostgreSQL', async () => {
    expect(await embeddedApiFor({ DATA_DIR: dir }, 'auditor')).toBeUndefined();
    lock = lockDataDir(dir, { app: 'api' });
    expect(await embeddedApiFor({ DATA_DIR: dir, DATABASE_URL: 'postgres://x@127.0.0.1/y' }, 'auditor')).toBeUndefined();
  });

  it('refuses, naming the holder, when it is not an API (a worker) or when the API does not answer', async () => {
    lock = lockDataDir(dir, { app: 'worker' });
    await expect(embeddedApiFor({ DATA_DIR: dir }, 'admin')).rejects.toThrow(new RegExp(`in use by the worker \\(pid ${process.pid}.*stop the worker`));
    lock.release();
    lock = lockDataDir(dir, { app: 'api' });
    const url = await listen(() => undefined);
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    lock.advertise(url);
    await expect(embeddedApiFor({ DATA_DIR: dir }, 'admin')).rejects.toThrow(`held by the api (pid ${process.pid}), which does not answer at ${url}: wait for it to start, stop it, or use DATABASE_URL.`);
  });

  it('starts a job with a token of the role the command needs, and follows it to its result', async () => {
    const seen: { method?: string; url?: string; role?: unknown; sub?: unknown }[] = [];
    let polls = 0;
    const url = await listen((req, res) => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const claims = token ? decodeJwt(token) : {};
      seen.push({ method: req.method, url: req.url, role: claims.role, sub: claims.sub });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/health') return res.end('{"status":"ok"}');
      void jwtVerify(token, new TextEncoder().encode(SECRET)).then(
        () => {
          if (req.method === 'POST') {
            res.statusCode = 202;
            res.setHeader('location', '/audit/verifications/j1');
            return res.end(JSON.stringify({ id: 'j1', status: 'running' }));
          }
          polls++;
          const done = polls >= 3;
          res.end(JSON.stringify({ id: 'j1', status: done ? 'succeeded' : 'running', progress: { streamsDone: polls }, ...(done ? { result: { intact: true } } : {}) }));
        },
        () => {
          res.statusCode = 401;
          res.end('{"code":"invalid-token"}');
        },
      );
    });
    lock = lockDataDir(dir, { app: 'api' });
    lock.advertise(url);
    const api = await embeddedApiFor({ DATA_DIR: dir }, 'auditor');
    expect(api?.description).toBe(`pglite ${dir}, through the API at ${url} (pid ${process.pid}, which holds it)`);
    const progress: unknown[] = [];
    expect(await api?.runJob('/audit/verifications', (p) => progress.push(p))).toEqual({ intact: true });
    expect(progress).toEqual([{ streamsDone: 1 }, { streamsDone: 2 }, { streamsDone: 3 }]);
    expect(seen.filter((s) => s.url !== '/health')).toEqual([
      expect.objectContaining({ method: 'POST', url: '/audit/verifications', role: 'auditor', sub: expect.stringMatching(/^cli\./) }),
      ...[1, 2, 3].map(() => expect.objectContaining({ method: 'GET', url: '/audit/verifications/j1', role: 'auditor' })),
    ]);
  });

  it("says what the API refused, with the problem's code and detail", async () => {
    const url = await listen((req, res) => {
      res.setHeader('content-type', 'application/problem+json');
      if (req.url === '/health') return res.end('{}');
      res.statusCode = 409;
      res.end(JSON.stringify({ code: 'projections-run-elsewhere', detail: 'This API does not run the projections.' }));
    });
    lock = lockDataDir(dir, { app: 'api' });
    lock.advertise(url);
    const api = await embeddedApiFor({ DATA_DIR: dir }, 'admin');
    await expect(api?.runJob('/admin/projections/caseload/rebuild', () => undefined)).rejects.toThrow('the API answered 409 projections-run-elsewhere: This API does not run the projections.');
  });
});
