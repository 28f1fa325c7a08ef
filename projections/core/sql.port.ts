/**
 * The slice of the event store's SqlDatabase that projections use. Declared here so the runner
 * depends on a shape, not on an adapter: the PostgreSQL pool and PGlite both satisfy it.
 */
export interface SqlResult<R> {
  rows: R[];
  /** Rows touched by an INSERT/UPDATE/DELETE, when the driver reports it. */
  affectedRows?: number;
}

export interface SqlExecutor {
  /** One statement with $1..$n parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlResult<R>>;
  /** A parameterless script of several statements (migrations), where the driver tells them apart. */
  exec?(sql: string): Promise<unknown>;
}

export interface ProjectionDatabase extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}
