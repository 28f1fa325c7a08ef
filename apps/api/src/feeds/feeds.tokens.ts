import type { SqlExecutor } from '../../../../projections/core/sql.port';

/** The database that holds the feed table (the store's SqlDatabase, where the projections live). */
export const FEED_DATABASE = Symbol('FeedDatabase');

/** Queries, and LISTEN when the database has it (the store's SqlDatabase does, on PostgreSQL and PGlite). */
export type FeedDatabase = SqlExecutor & { listen?(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>> };
export const FEED_HTTP_OPTIONS = Symbol('FeedHttpOptions');

export interface FeedHttpOptions {
  /** How often the live tail looks for new records while some stream is waiting (ms). */
  pollMs: number;
  /** A comment line keeps proxies from closing an idle stream (ms). */
  heartbeatMs: number;
}

export const DEFAULT_FEED_HTTP_OPTIONS: FeedHttpOptions = { pollMs: 250, heartbeatMs: 15_000 };
