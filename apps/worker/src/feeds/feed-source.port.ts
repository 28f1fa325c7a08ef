import type { FeedRecord } from '../../../../projections/feeds/feed-record';

/** The outbox as the relay reads it: every funder's records, in sequence order. */
export interface FeedSource {
  readAfter(sequence: number, limit: number): Promise<FeedRecord[]>;
}
