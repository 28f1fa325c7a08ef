import { Client, Pool, type ClientConfig, type PoolClient } from 'pg';
import { assertSchemaName, quoteIdent, type SqlDatabase, type SqlExecutor, type SqlResult } from './sql-database';

export interface PgSqlDatabaseOptions {
  connectionString: string;
  /** Default 'public'. Created by the migration runner if missing. */
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
  /** How long to wait for a connection before failing; default 5000 ms. */
  connectionTimeoutMillis?: number;
  applicationName?: string;
}

/**
 * SqlDatabase over a node-postgres Pool. The schema is set as search_path in the startup packet
 * (libpq's `options` parameter), so every pooled connection has it from the first statement and
 * no extra round trip is spent on SET.
 */
export class PgSqlDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  readonly schema: string;
  readonly pool: Pool;
  private readonly config: ClientConfig;
  private readonly listener: PgNotificationListener;

  constructor(options: PgSqlDatabaseOptions) {
    this.schema = assertSchemaName(options.schema ?? 'public');
    this.config = {
      connectionString: withSearchPath(options.connectionString, this.schema),
      options: `-c search_path=${this.schema}`,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
      application_name: options.applicationName ?? 'event-store',
    };
    this.pool = new Pool({ ...this.config, max: options.max ?? 10 });
    // An idle client losing its connection emits 'error' on the pool; unhandled, it would kill the process.
    this.pool.on('error', () => undefined);
    this.listener = new PgNotificationListener(this.config);
  }

  async query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>> {
    const result = await this.pool.query(text, params);
    return { rows: result.rows as T[], affectedRows: result.rowCount ?? undefined };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(clientExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
      client.release(broken);
    }
  }

  listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>> {
    return this.listener.add(channel, onNotification);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

function clientExecutor(client: PoolClient): SqlExecutor {
  return {
    query: async <T>(text: string, params?: unknown[]) => {
      const result = await client.query(text, params);
      return { rows: result.rows as T[], affectedRows: result.rowCount ?? undefined };
    },
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

/**
 * pg gives settings from the URL precedence over the config object, so an `options` parameter
 * already in DATABASE_URL would silently drop our search_path: merge ours into it instead.
 */
function withSearchPath(connectionString: string, schema: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return connectionString;
  }
  const existing = url.searchParams.get('options');
  if (existing === null) return connectionString;
  url.searchParams.set('options', `${existing} -c search_path=${schema}`);
  return url.toString();
}

type Callback = (payload: string) => void;

/**
 * One dedicated connection for LISTEN, outside the pool: a pooled connection would be handed to
 * queries and could be recycled. If it drops, it reconnects with backoff; meanwhile subscribers
 * keep making progress through their fallback poll.
 */
class PgNotificationListener {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private readonly channels = new Map<string, Set<Callback>>();
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = 250;
  private closed = false;

  constructor(private readonly config: ClientConfig) {}

  async add(channel: string, callback: Callback): Promise<() => Promise<void>> {
    let callbacks = this.channels.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.channels.set(channel, callbacks);
      try {
        const client = await this.connect();
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (error) {
        this.channels.delete(channel);
        throw error;
      }
    }
    callbacks.add(callback);
    return () => this.remove(channel, callback);
  }

  private async remove(channel: string, callback: Callback): Promise<void> {
    const callbacks = this.channels.get(channel);
    if (!callbacks?.delete(callback) || callbacks.size > 0) return;
    this.channels.delete(channel);
    await this.client?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
    if (this.channels.size === 0) await this.disconnect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    await this.disconnect();
  }

  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.connecting) return this.connecting;
    const client = new Client(this.config);
    client.on('notification', (message) => {
      this.channels.get(message.channel)?.forEach((callback) => callback(message.payload ?? ''));
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    this.connecting = client.connect().then(
      () => {
        this.connecting = undefined;
        this.client = client;
        this.retryDelayMs = 250;
        return client;
      },
      (error: unknown) => {
        this.connecting = undefined;
        throw error;
      },
    );
    return this.connecting;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.channels.size === 0 || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect()
        .then(async (client) => {
          for (const channel of this.channels.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
        })
        .catch(() => {
          this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
          this.scheduleReconnect();
        });
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }

  private async disconnect(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
