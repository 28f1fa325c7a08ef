import type { SqlDatabase, SqlExecutor, SqlResult } from '../sql/sql-database';

/**
 * A SqlDatabase that records every statement it is sent (inside transactions too) before passing it
 * on: what tests count to prove how many round trips an operation costs.
 */
export class CountingSqlDatabase implements SqlDatabase {
  readonly statements: string[] = [];

  constructor(private readonly inner: SqlDatabase) {}

  get kind() {
    return this.inner.kind;
  }

  get schema() {
    return this.inner.schema;
  }

  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>> {
    this.statements.push(text);
    return this.inner.query<T>(text, params);
  }

  exec(sql: string): Promise<void> {
    this.statements.push(sql);
    return this.inner.exec(sql);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.statements.push('BEGIN');
    return this.inner.transaction((tx) =>
      fn({
        query: <R = Record<string, unknown>>(text: string, params?: unknown[]) => {
          this.statements.push(text);
          return tx.query<R>(text, params);
        },
        exec: (sql: string) => {
          this.statements.push(sql);
          return tx.exec(sql);
        },
      }),
    );
  }

  listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>> {
    return this.inner.listen(channel, onNotification);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The statements sent from now on, until the returned function is called. */
  record(): () => string[] {
    const from = this.statements.length;
    return () => this.statements.slice(from);
  }
}
