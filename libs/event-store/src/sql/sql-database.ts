/**
 * The little SQL surface the event store and the projections share, over node-postgres or PGlite.
 * Both speak PostgreSQL, so the same statements run on either; what differs (connection pooling,
 * how LISTEN is delivered, multi-statement scripts) stays behind this interface.
 */

export interface SqlResult<T> {
  rows: T[];
  /** Rows touched by INSERT/UPDATE/DELETE, when the driver reports it. */
  affectedRows?: number;
}

export interface SqlExecutor {
  /** One statement, $1..$n parameters. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type SqlDatabaseKind = 'postgres' | 'pglite';

export interface SqlDatabase extends SqlExecutor {
  readonly kind: SqlDatabaseKind;
  /** The PostgreSQL schema every unqualified name resolves to (search_path). */
  readonly schema: string;
  /**
   * Runs fn on one connection inside BEGIN … COMMIT; rolls back and rethrows if fn throws.
   * Use only `tx` inside fn: on PGlite, calling the database itself from inside waits forever.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; the callback gets the payload. Resolves to the matching UNLISTEN. */
  listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** Schema names are spliced into SQL (search_path, channel names), so only plain identifiers pass. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _ (at most 50 characters, not starting with a digit).`);
  }
  return schema;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
