import { Kafka, logLevel, Partitioners, type Admin, type KafkaConfig, type Message, type Producer } from 'kafkajs';
import { FEED_SCHEMA_VERSION, feedTopic, type FeedRecord } from '../../../../projections/feeds/feed-record';
import type { FeedSink } from './feed.sink';

export const RECORD_ID_HEADER = 'record-id';

export interface KafkaFeedSinkOptions {
  brokers: string[];
  clientId?: string;
  ssl?: KafkaConfig['ssl'];
  sasl?: KafkaConfig['sasl'];
  /** Creates a funder's topic the first time it is published to; off when topics are provisioned. */
  createTopics?: boolean;
  /** -1 takes the broker's defaults. */
  numPartitions?: number;
  replicationFactor?: number;
  /** The client's connection retries (KafkaJS defaults otherwise); sends retry without limit regardless. */
  retry?: KafkaConfig['retry'];
}

/** Record -> Kafka message: key = convention id, so one convention's records stay in order on one partition. */
export function toKafkaMessage(record: FeedRecord): Message {
  return {
    key: record.conventionId,
    value: JSON.stringify(record),
    headers: {
      [RECORD_ID_HEADER]: record.recordId,
      'schema-version': String(FEED_SCHEMA_VERSION),
      'record-kind': record.kind,
      'content-type': 'application/json',
    },
  };
}

/**
 * One topic per funder, accompagnement.feed.<funderId>.v1. The producer is idempotent with one
 * request in flight (kafkajs: `idempotent: true` forces acks=-1 and unbounded retries, and ordering
 * under retries needs `maxInFlightRequests: 1`), so a retry inside the client neither reorders nor
 * duplicates. Duplicates can still come from the relay re-sending after a crash: consumers
 * deduplicate by the record-id header.
 */
export class KafkaFeedSink implements FeedSink {
  readonly name = 'kafka';
  private readonly knownTopics = new Set<string>();
  private readonly producer: Producer;
  private readonly admin: Admin | undefined;
  private connected: Promise<void> | undefined;

  private constructor(private readonly options: KafkaFeedSinkOptions) {
    const kafka = new Kafka({
      clientId: options.clientId ?? 'accompagnement-feed-relay',
      brokers: options.brokers,
      ssl: options.ssl,
      sasl: options.sasl,
      retry: options.retry,
      logLevel: logLevel.WARN,
    });
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's murmur2 partitioner: a Java or Python consumer computes the same partition for a key.
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    this.admin = options.createTopics !== false ? kafka.admin() : undefined;
  }

  /**
   * Does not wait for the brokers: the first publish connects, and a failed connection is tried
   * again by the relay's back-off. A worker whose Kafka is down still runs its projections.
   */
  static create(options: KafkaFeedSinkOptions): KafkaFeedSink {
    return new KafkaFeedSink(options);
  }

  /** Connects now (tests; a deployment that wants to fail fast). */
  static async connect(options: KafkaFeedSinkOptions): Promise<KafkaFeedSink> {
    const sink = new KafkaFeedSink(options);
    await sink.ensureConnected();
    return sink;
  }

  async publish(records: readonly FeedRecord[]): Promise<void> {
    await this.ensureConnected();
    const byTopic = new Map<string, Message[]>();
    for (const record of records) {
      const topic = feedTopic(record.funderId);
      const messages = byTopic.get(topic) ?? [];
      messages.push(toKafkaMessage(record));
      byTopic.set(topic, messages);
    }
    await this.ensureTopics([...byTopic.keys()]);
    // acks -1: resolved only once every in-sync replica has the batch; that is the acknowledgement
    // the relay waits for before it stores its position.
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    await this.producer.disconnect();
    await this.admin?.disconnect();
  }

  private ensureConnected(): Promise<void> {
    this.connected ??= (async () => {
      await this.producer.connect();
      await this.admin?.connect();
    })().catch((e: unknown) => {
      this.connected = undefined;
      throw e;
    });
    return this.connected;
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    if (this.admin) {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.numPartitions ?? -1,
          replicationFactor: this.options.replicationFactor ?? -1,
        })),
      });
    }
    for (const t of missing) this.knownTopics.add(t);
  }
}
