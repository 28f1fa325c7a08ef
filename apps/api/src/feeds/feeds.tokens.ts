/** The database that holds the feed table (the projections' database). */
export const FEED_DATABASE = Symbol('FeedDatabase');
export const FEED_HTTP_OPTIONS = Symbol('FeedHttpOptions');

export interface FeedHttpOptions {
  /** How often the live tail looks for new records while some stream is waiting (ms). */
  pollMs: number;
  /** A comment line keeps proxies from closing an idle stream (ms). */
  heartbeatMs: number;
}

export const DEFAULT_FEED_HTTP_OPTIONS: FeedHttpOptions = { pollMs: 250, heartbeatMs: 15_000 };
