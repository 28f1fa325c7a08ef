import type { ProjectionLock } from '../../../../projections/core/projection.lock';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { FeedRelay, type RelayLogger } from './feed-relay';
import { readFeedRelayConfig, type FeedRelayConfig } from './feed-relay.config';
import type { FeedSink } from './feed.sink';
import { KafkaFeedSink } from './kafka-feed.sink';
import { SqlFeedSource } from './sql-feed.source';
import { SqlRelayPositionStore } from './sql-relay-position.store';

export interface StartFeedRelayOptions {
  /** The database that holds the feed table (the projections' database). */
  db: ProjectionDatabase;
  /** The worker's projection lock: PgAdvisoryLock on PostgreSQL, InProcessLock on PGlite. */
  lock: ProjectionLock;
  env?: NodeJS.ProcessEnv;
  logger?: RelayLogger;
  /** Tests and other transports; the default connects to Kafka. */
  sink?: (config: FeedRelayConfig) => Promise<FeedSink>;
}

export interface RunningFeedRelay {
  relay: FeedRelay;
  stop(): Promise<void>;
}

/**
 * What apps/worker's main calls: starts the Kafka relay when KAFKA_BROKERS is set and returns
 * undefined otherwise (the feed is still written and served over HTTP).
 */
export async function startFeedRelay(options: StartFeedRelayOptions): Promise<RunningFeedRelay | undefined> {
  const config = readFeedRelayConfig(options.env ?? process.env);
  if (!config) {
    options.logger?.info('feed relay: KAFKA_BROKERS is not set; funder feeds are served over HTTP only');
    return undefined;
  }
  const positions = new SqlRelayPositionStore(options.db);
  await positions.migrate();
  const sink = options.sink
    ? await options.sink(config)
    : KafkaFeedSink.create({
        brokers: config.brokers,
        clientId: config.clientId,
        ssl: config.ssl,
        sasl: config.sasl,
        createTopics: config.createTopics,
        numPartitions: config.numPartitions,
        replicationFactor: config.replicationFactor,
      });
  const relay = new FeedRelay({
    name: sink.name,
    source: new SqlFeedSource(options.db),
    positions,
    sink,
    lock: options.lock,
    batchSize: config.batchSize,
    idleMs: config.idleMs,
    logger: options.logger,
  });
  relay.start();
  options.logger?.info(`feed relay: publishing to ${config.brokers.join(',')}`);
  return {
    relay,
    stop: async () => {
      await relay.stop();
      await sink.close();
    },
  };
}
