import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { InProcessLock } from '../../../../projections/core/projection.lock';
import { storeMigrator } from '../../../../projections/core/store.migrator';
import { MemoryEventStore } from '../../../../projections/core/testing/memory-event.store';
import { pgliteTestDatabase, type TestDatabase } from '../../../../projections/core/testing/test-database';
import { waitFor } from '../../../../projections/core/testing/wait-for';
import { feedTopic, type FeedRecord } from '../../../../projections/feeds/feed-record';
import { FEED_MIGRATIONS } from '../../../../projections/feeds/feed.tables';
import { readFeedAfter } from '../../../../projections/feeds/feed.queries';
import { projectFeedToEnd } from '../../../../projections/feeds/testing/project-feed';
import { appendConvention, appendJourney } from '../../../../projections/feeds/testing/feed-fixtures';
import { personalDataFor, TrajectoryJourney } from '../../../../projections/feeds/testing/trajectory-journey';
import { FeedRelayConfigError, readFeedRelayConfig } from './feed-relay.config';
import type { FeedSink } from './feed.sink';
import { KafkaFeedSink, RECORD_ID_HEADER, toKafkaMessage } from './kafka-feed.sink';
import { SqlRelayPositionStore } from './sql-relay-position.store';
import { startFeedRelay } from './start-feed-relay';
import { sampleRecords } from './testing/memory-feed';

const KAFKA_BROKERS = process.env.KAFKA_BROKERS;

describe('kafka feed messages and relay configuration', () => {
  it('keys a message by convention and carries the record id in a header', () => {
    const [record] = sampleRecords(1);
    const message = toKafkaMessage(record);
    expect(message.key).toBe(record.conventionId);
    expect(message.headers).toMatchObject({ [RECORD_ID_HEADER]: record.recordId, 'schema-version': '1', 'record-kind': record.kind });
    expect(JSON.parse(String(message.value))).toEqual(record);
  });

  it('names one topic per funder and refuses funder ids Kafka cannot carry', () => {
    expect(feedTopic('caf-69')).toBe('accompagnement.feed.caf-69.v1');
    expect(() => feedTopic('caf 69/x')).toThrow(/not a funder code/);
    expect(feedTopic('region:ara_2')).toBe('accompagnement.feed.region_cara__2.v1');
    expect(feedTopic('region_cara')).not.toBe(feedTopic('region:ara'));
  });

  it('reads its configuration from the environment, off without KAFKA_BROKERS', () => {
    expect(readFeedRelayConfig({})).toBeUndefined();
    expect(readFeedRelayConfig({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092', FEED_RELAY_BATCH_SIZE: '100' })).toMatchObject({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      batchSize: 100,
      createTopics: true,
      numPartitions: -1,
    });
    expect(() => readFeedRelayConfig({ KAFKA_BROKERS: 'no-port' })).toThrow(FeedRelayConfigError);
    expect(() => readFeedRelayConfig({ KAFKA_BROKERS: 'k:9092', KAFKA_SASL_MECHANISM: 'kerberos' })).toThrow(/KAFKA_SASL_MECHANISM/);
  });

  it('starts without waiting for the brokers, and reports them unreachable while it retries', async () => {
    const db = await pgliteTestDatabase();
    try {
      await storeMigrator.migrate(db, 'projection-funder-feed', FEED_MIGRATIONS);
      const [record] = sampleRecords(1);
      await db.query(
        `INSERT INTO feed_records (record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details, schema_version, source_event_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, 'e1')`,
        [record.recordId, record.funderId, record.conventionId, record.trajectoryPseudonym, record.kind, record.businessDate, JSON.stringify(record.profile), JSON.stringify(record.details)],
      );
      const running = await startFeedRelay({
        db,
        lock: new InProcessLock(),
        env: { KAFKA_BROKERS: '127.0.0.1:1', FEED_RELAY_IDLE_MS: '10' },
        sink: async (config) => KafkaFeedSink.create({ brokers: config.brokers, retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 } }),
      });
      await waitFor(() => running?.relay.status().state === 'failing', 'the relay to report the unreachable broker', 30_000);
      expect(running?.relay.status()).toMatchObject({ position: 0, published: 0, lastError: expect.stringMatching(/ECONNREFUSED|Connection/) });
      expect(await new SqlRelayPositionStore(db).load('kafka')).toBe(0);
      await running?.stop();
    } finally {
      await db.close();
    }
  });

  it('does not start without KAFKA_BROKERS', async () => {
    const db = { kind: 'pglite' as const, query: jest.fn(), transaction: jest.fn() };
    expect(await startFeedRelay({ db, lock: new InProcessLock(), env: {} })).toBeUndefined();
    expect(db.query).not.toHaveBeenCalled();
  });
});

const withKafka = KAFKA_BROKERS ? describe : describe.skip;
if (!KAFKA_BROKERS) process.stderr.write('\n⚠ Kafka feed relay suite SKIPPED: KAFKA_BROKERS is not set (e.g. KAFKA_BROKERS=localhost:29092 with docker-compose).\n');

withKafka(`feed relay to a real Kafka broker${KAFKA_BROKERS ? ` (${KAFKA_BROKERS})` : ' (skipped: KAFKA_BROKERS is not set)'}`, () => {
  const run = randomUUID().slice(0, 8);
  const funders = [`caf-${run}`, `departement-${run}`];
  const brokers = (KAFKA_BROKERS ?? '').split(',');
  const kafka = new Kafka({ clientId: `feed-test-${run}`, brokers, logLevel: logLevel.WARN });
  let db: TestDatabase;
  let journeys: TrajectoryJourney[];
  let table: FeedRecord[];

  beforeAll(async () => {
    db = await pgliteTestDatabase();
    const store = new MemoryEventStore();
    await appendConvention(store, { id: 'conv-k', funders });
    journeys = Array.from({ length: 6 }, (_, i) => TrajectoryJourney.full('conv-k', personalDataFor(100 + i)));
    for (const j of journeys) {
      await appendJourney(store, j);
    }
    await projectFeedToEnd(store, db);
    table = await readFeedAfter(db, 0n, 1000);
  });
  afterAll(async () => {
    await db?.close();
  });

  interface Received {
    topic: string;
    key: string | undefined;
    recordId: string;
    value: string;
  }

  async function consumeAll(expected: number): Promise<Received[]> {
    const consumer = kafka.consumer({ groupId: `feed-test-${run}-${randomUUID()}` });
    const got: Received[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: funders.map(feedTopic), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          got.push({ topic, key: message.key?.toString(), recordId: header(message.headers, RECORD_ID_HEADER), value: message.value?.toString() ?? '' });
        },
      });
      await waitFor(() => got.length >= expected, `${expected} Kafka messages`, 60_000);
    } finally {
      await consumer.disconnect();
    }
    return got;
  }

  it('publishes every record to its funder topic, keyed by convention, once acknowledged; a crash repeats, never loses', async () => {
    // First pass: the acknowledgement of the second batch is "lost" after Kafka accepted it.
    let calls = 0;
    const lossy = async (): Promise<FeedSink> => {
      const real = await KafkaFeedSink.connect({ brokers, createTopics: true, numPartitions: 3 });
      return {
        name: 'kafka',
        async publish(records) {
          await real.publish(records);
          if (++calls === 2) throw new Error('acknowledgement lost after the broker accepted the batch');
        },
        close: () => real.close(),
      };
    };
    const running = await startFeedRelay({ db, lock: new InProcessLock(), env: { KAFKA_BROKERS, FEED_RELAY_BATCH_SIZE: '20', FEED_RELAY_IDLE_MS: '50' }, sink: lossy });
    expect(running).toBeDefined();
    await waitFor(async () => running!.relay.status().position === table[table.length - 1].sequence, 'the relay to reach the end of the feed', 60_000);
    await running!.stop();

    const received = await consumeAll(table.length + 20);
    const unique = new Map(received.map((m) => [m.recordId, m]));
    expect([...unique.keys()].sort()).toEqual(table.map((r) => r.recordId).sort());
    expect(received.length).toBe(table.length + 20);
    for (const record of table) {
      const m = unique.get(record.recordId)!;
      expect(m.topic).toBe(feedTopic(record.funderId));
      expect(m.key).toBe(record.conventionId);
      expect(JSON.parse(m.value)).toEqual(record);
    }
    // Within a convention (one key, one partition) a funder reads records in sequence order.
    for (const funder of funders) {
      const sequences = received.filter((m) => m.topic === feedTopic(funder)).map((m) => (JSON.parse(m.value) as FeedRecord).sequence);
      const firstSeen = sequences.filter((s, i) => sequences.indexOf(s) === i);
      expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    }

    const everything = received.map((m) => `${m.key} ${m.value} ${m.recordId}`).join('\n');
    for (const j of journeys) {
      for (const value of [...Object.values(j.personal), j.trajectoryId, j.householdId]) expect(everything).not.toContain(value);
    }
  });
});

function header(headers: IHeaders | undefined, name: string): string {
  const v = headers?.[name];
  return Array.isArray(v) ? String(v[0]) : v === undefined ? '' : v.toString();
}
