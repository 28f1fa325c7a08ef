import type { SqlExecutor } from '../../../../projections/core/sql.port';
import type { FeedRecord } from '../../../../projections/feeds/feed-record';
import { readFeedAfter } from '../../../../projections/feeds/feed.queries';
import type { FeedSource } from './feed-source.port';

/** The feed table read in sequence order; gap-safe because only the feed projection writes it. */
export class SqlFeedSource implements FeedSource {
  constructor(private readonly db: SqlExecutor) {}

  readAfter(sequence: number, limit: number): Promise<FeedRecord[]> {
    return readFeedAfter(this.db, BigInt(sequence), limit);
  }
}
