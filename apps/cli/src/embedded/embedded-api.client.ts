import { userInfo } from 'node:os';
import { mintToken, readAuthSecret } from '../../../../libs/auth/src';
import { DataDirLocked, embeddedDataDirOf, inspectDataDirLock, type DataDirLockHolder } from '../../../../libs/event-store/src';

export type OperatorRole = 'admin' | 'auditor';

/** A problem-details answer from the API, kept with its status and code. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A job resource of the API's operations routes (apps/api/src/operations). */
export interface JobResource<P, R> {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  progress?: P;
  result?: R;
  error?: { code: string; detail: string };
}

const ANSWER_MS = 3000;
const POLL_MS = 250;

/**
 * The running API that holds the embedded store, spoken to with a short-lived token of the role the
 * command needs: API_TOKEN when given, else one signed with the secret the API verifies
 * (AUTH_SECRET, or the one it generated in DATA_DIR). Nothing is written in DATA_DIR.
 */
export class EmbeddedApi {
  constructor(
    readonly holder: DataDirLockHolder & { url: string },
    readonly dataDir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly role: OperatorRole,
  ) {}

  /** For the `store:` line: the store is reached through the API. */
  get description(): string {
    return `pglite ${this.dataDir}, through the API at ${this.holder.url} (pid ${this.holder.pid}, which holds it)`;
  }

  async answers(): Promise<boolean> {
    try {
      // Any answer will do (/health says 503 while a projection lags): the process serves HTTP.
      await fetch(new URL('/health', this.holder.url), { signal: AbortSignal.timeout(ANSWER_MS) });
      return true;
    } catch {
      return false;
    }
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path).then((r) => r.body);
  }

  post<T>(path: string): Promise<{ body: T; location?: string }> {
    return this.request<T>('POST', path);
  }

  /** Starts a job and follows it to its end, reporting each new progress; resolves to its result. */
  async runJob<P, R>(path: string, onProgress: (p: P) => void): Promise<R> {
    const started = await this.post<JobResource<P, R>>(path);
    const location = started.location ?? `${path}/${started.body.id}`;
    let job = started.body;
    let last = '';
    for (;;) {
      const seen = JSON.stringify(job.progress ?? null);
      if (job.progress !== undefined && seen !== last) onProgress(job.progress);
      last = seen;
      if (job.status === 'succeeded') return job.result as R;
      if (job.status === 'failed') throw new ApiRefusal(200, job.error?.code ?? 'operation-failed', `the API's job failed: ${job.error?.detail ?? 'no detail'}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
      job = await this.get<JobResource<P, R>>(location);
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string): Promise<{ body: T; location?: string }> {
    const response = await fetch(new URL(path, this.holder.url), { method, headers: { authorization: `Bearer ${await this.token()}`, accept: 'application/json' } });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const problem = (body ?? {}) as { code?: string; detail?: string; title?: string };
      const hint = response.status === 401 ? ' (the API did not accept the CLI\'s token: set API_TOKEN, or AUTH_SECRET as the API has it)' : '';
      throw new ApiRefusal(response.status, problem.code ?? `http-${response.status}`, `the API answered ${response.status} ${problem.code ?? ''}: ${problem.detail ?? problem.title ?? text}${hint}`);
    }
    return { body: body as T, location: response.headers.get('location') ?? undefined };
  }

  private async token(): Promise<string> {
    const given = this.env.API_TOKEN?.trim();
    if (given) return given;
    if (this.env.AUTH_JWKS_URL?.trim()) throw new Error('the API takes tokens from your identity provider (AUTH_JWKS_URL): set API_TOKEN to one with the role ' + this.role);
    const secret = this.env.AUTH_SECRET?.trim() || readAuthSecret(this.dataDir);
    if (!secret) throw new Error(`no token secret in ${this.dataDir} (the API has AUTH_SECRET?): set AUTH_SECRET as the API has it, or API_TOKEN`);
    return mintToken({
      secret,
      subject: `cli.${userInfo().username.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'operator'}`,
      role: this.role,
      expiresIn: '5m',
      issuer: this.env.AUTH_ISSUER?.trim() || undefined,
      audience: this.env.AUTH_AUDIENCE?.trim() || undefined,
    });
  }
}

/**
 * Where a command reaches the embedded store: undefined when it may open it itself (PostgreSQL, or
 * a directory nobody holds), the API when a live API holds it and answers. Anything else (a worker
 * holds it, or an API that does not answer) is refused with what to do.
 */
export async function embeddedApiFor(env: NodeJS.ProcessEnv, role: OperatorRole): Promise<EmbeddedApi | undefined> {
  const dir = embeddedDataDirOf(env);
  if (!dir) return undefined;
  const lock = inspectDataDirLock(dir);
  if (!lock?.alive) return undefined;
  const { holder } = lock;
  if (!holder.url) throw new DataDirLocked(dir, holder);
  const api = new EmbeddedApi({ ...holder, url: holder.url }, dir, env, role);
  if (!(await api.answers())) {
    throw new Error(
      `${dir} is held by the ${holder.app} (pid ${holder.pid}), which does not answer at ${holder.url}: wait for it to start, stop it, or use DATABASE_URL.`,
    );
  }
  return api;
}
