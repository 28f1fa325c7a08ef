import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLock } from '../embedded/data-dir.lock';
import { makeDataDirPrivate } from '../embedded/private-data-dir';
import { EventStoreStartupError } from '../event-store.errors';
import { assertSchemaName, quoteIdent, type SqlDatabase, type SqlExecutor, type SqlResult } from './sql-database';

export interface PgliteSqlDatabaseOptions {
  /** A directory for the data files; omit (or 'memory://') for an in-memory database. */
  dataDir?: string;
  /** Default 'public'. */
  schema?: string;
  /**
   * An already running PGlite to share: several SqlDatabases with different schemas can use one
   * instance (tests do, since starting PGlite costs seconds). A shared instance is not closed by close().
   */
  pglite?: PGlite;
  /** Who opens the directory, for the lock other processes see ('api', 'worker', 'cli'). */
  owner?: string;
  /** Refuse a directory that holds no database yet instead of creating one (the audit commands). */
  mustExist?: boolean;
}

/** Per PGlite instance: its session search_path and the lock that keeps "SET + statement" together. */
interface SessionState {
  schema: string | undefined;
  lock: Mutex;
}
const sessions = new WeakMap<PGlite, SessionState>();
/** The directories this process has a PGlite open on: a second instance on one would corrupt it too. */
const openDirs = new Set<string>();

/**
 * SqlDatabase over PGlite: one embedded PostgreSQL, one session. PGlite already runs one statement or
 * transaction at a time; the extra lock here makes "switch search_path, then run" atomic when
 * several schemas share the instance.
 */
export class PgliteSqlDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  private readonly session: SessionState;

  private constructor(
    readonly pglite: PGlite,
    readonly schema: string,
    private readonly owned: boolean,
    private readonly dirLock?: DataDirLock,
  ) {
    let session = sessions.get(pglite);
    if (!session) {
      session = { schema: undefined, lock: new Mutex() };
      sessions.set(pglite, session);
    }
    this.session = session;
  }

  static async create(options: PgliteSqlDatabaseOptions = {}): Promise<PgliteSqlDatabase> {
    const schema = assertSchemaName(options.schema ?? 'public');
    if (options.pglite) return new PgliteSqlDatabase(options.pglite, schema, false);
    const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
    if (!dataDir) return new PgliteSqlDatabase(await PGlite.create(), schema, true);
    if (options.mustExist && !existsSync(join(dataDir, 'PG_VERSION'))) {
      throw new EventStoreStartupError('store-missing', `There is no embedded store in ${dataDir} (no PGlite database there). Set DATA_DIR to the API's directory, or DATABASE_URL for PostgreSQL.`);
    }
    // The lock before anything else touches the files: a refused process writes nothing.
    const dirLock = lockDataDir(dataDir, { app: options.owner ?? 'process' });
    if (openDirs.has(dirLock.dir)) {
      dirLock.release();
      throw new EventStoreStartupError('data-dir-locked', `${dataDir} is already open in this process: one PGlite instance per directory.`);
    }
    try {
      makeDataDirPrivate(dataDir);
      const pglite = await PGlite.create(dataDir);
      // PGlite lays a new database out with mode 0666 and rewrites its relcache files at start-up
      // regardless of the umask: narrow again once it has started (later files follow the umask).
      await pglite.query('SELECT 1');
      makeDataDirPrivate(dataDir);
      openDirs.add(dirLock.dir);
      return new PgliteSqlDatabase(pglite, schema, true, dirLock);
    } catch (error) {
      dirLock.release();
      throw error;
    }
  }

  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>> {
    return this.exclusive(async () => {
      const result = await this.pglite.query<T>(text, params);
      return { rows: result.rows, affectedRows: result.affectedRows };
    });
  }

  exec(sql: string): Promise<void> {
    return this.exclusive(async () => {
      await this.pglite.exec(sql);
    });
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.pglite.transaction((tx) => fn(transactionExecutor(tx))));
  }

  async listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await this.pglite.listen(channel, onNotification);
    return async () => {
      if (!this.pglite.closed) await unlisten();
    };
  }

  async close(): Promise<void> {
    if (this.owned && !this.pglite.closed) await this.session.lock.run(() => this.pglite.close());
    if (this.dirLock && openDirs.delete(this.dirLock.dir)) this.dirLock.release();
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.session.lock.run(async () => {
      if (this.session.schema !== this.schema) {
        await this.pglite.exec(`SET search_path TO ${quoteIdent(this.schema)}`);
        this.session.schema = this.schema;
      }
      return fn();
    });
  }
}

function transactionExecutor(tx: Transaction): SqlExecutor {
  return {
    query: async <T>(text: string, params?: unknown[]) => {
      const result = await tx.query<T>(text, params);
      return { rows: result.rows, affectedRows: result.affectedRows };
    },
    exec: async (sql: string) => {
      await tx.exec(sql);
    },
  };
}

/** Runs functions one after another, in call order. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
