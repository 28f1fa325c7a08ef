import type { FeedRecord } from '../../../../projections/feeds/feed-record';

/**
 * Where the relay publishes. publish() resolves only once every record of the batch is durably
 * accepted (for Kafka: acknowledged by all in-sync replicas). When it rejects, any part of the batch
 * may or may not have been delivered: the relay sends the whole batch again, so consumers see
 * duplicates (same record id), never a gap.
 */
export interface FeedSink {
  readonly name: string;
  publish(records: readonly FeedRecord[]): Promise<void>;
  close(): Promise<void>;
}
