import { Client } from 'pg';
import type { AcquireOptions, LockHandle, ProjectionLock } from './projection.lock';

export interface PgAdvisoryLockOptions {
  connectionString: string;
  /**
   * Part of the lock key: runners on different schemas (test isolation, several tenants on one
   * server) never block each other.
   */
  namespace: string;
  /** How often the lock connection is pinged, so a silently dead link is noticed. */
  heartbeatMs?: number;
}

const APP_PREFIX = 'projection-lock';

/**
 * A session-level advisory lock held on a connection of its own. Pool connections come and go, but
 * this one lives exactly as long as the runner: when the process dies (even SIGKILL) the server
 * closes the session and frees the lock, and a runner blocked in pg_advisory_lock takes over.
 */
export class PgAdvisoryLock implements ProjectionLock {
  constructor(private readonly options: PgAdvisoryLockOptions) {}

  private key(name: string): string {
    return `${this.options.namespace}:projection:${name}`;
  }

  private applicationName(name: string): string {
    // application_name is cut at 63 bytes by the server; keep the projection name first.
    return `${APP_PREFIX}:${name}:${process.pid}`.slice(0, 63);
  }

  async acquire(name: string, options: AcquireOptions = {}): Promise<LockHandle | undefined> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.applicationName(name),
      keepAlive: true,
    });
    let lostResolve: (e: Error) => void = () => undefined;
    const lost = new Promise<Error>((resolve) => (lostResolve = resolve));
    let releasing = false;
    client.on('error', (e: Error) => lostResolve(e));
    client.on('end', () => {
      if (!releasing) lostResolve(new Error(`lock connection for projection ${name} closed`));
    });
    await client.connect();

    const key = this.key(name);
    try {
      if (options.wait === false) {
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [key]);
        if (!rows[0].ok) {
          releasing = true;
          await client.end();
          return undefined;
        }
      } else {
        // Blocks server-side until the holder's session ends; aborting closes our session, which
        // cancels the wait.
        const onAbort = (): void => {
          releasing = true;
          void client.end().catch(() => undefined);
        };
        if (options.signal?.aborted) onAbort();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        try {
          await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
        } finally {
          options.signal?.removeEventListener('abort', onAbort);
        }
        if (options.signal?.aborted) return undefined;
      }
    } catch (e) {
      if (options.signal?.aborted) return undefined;
      releasing = true;
      await client.end().catch(() => undefined);
      throw e;
    }

    const heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((e: Error) => lostResolve(e));
    }, this.options.heartbeatMs ?? 10_000);
    heartbeat.unref();

    return {
      lost,
      release: async () => {
        if (releasing) return;
        releasing = true;
        clearInterval(heartbeat);
        // Ending the session frees a session-level advisory lock; no explicit unlock needed.
        await client.end().catch(() => undefined);
      },
    };
  }

  async describeHolder(name: string): Promise<string | undefined> {
    const client = new Client({ connectionString: this.options.connectionString });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number; application_name: string; client_addr: string | null; backend_start: Date }>(
        `SELECT a.pid, a.application_name, a.client_addr::text, a.backend_start
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted
            AND (l.classid::bigint << 32 | l.objid::bigint) = hashtextextended($1, 0)`,
        [this.key(name)],
      );
      const r = rows[0];
      if (!r) return undefined;
      return `${r.application_name || 'a session'} (server pid ${r.pid}${r.client_addr ? ` from ${r.client_addr}` : ''}, since ${new Date(r.backend_start).toISOString()})`;
    } finally {
      await client.end();
    }
  }
}
