import type { SASLOptions } from 'kafkajs';

export interface FeedRelayConfig {
  brokers: string[];
  clientId: string;
  ssl: boolean;
  sasl?: SASLOptions;
  batchSize: number;
  idleMs: number;
  createTopics: boolean;
  numPartitions: number;
  replicationFactor: number;
}

export class FeedRelayConfigError extends Error {}

/** The relay runs only when KAFKA_BROKERS is set; everything else has a default. */
export function readFeedRelayConfig(env: NodeJS.ProcessEnv = process.env): FeedRelayConfig | undefined {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) return undefined;
  for (const b of brokers) {
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b)) throw new FeedRelayConfigError(`KAFKA_BROKERS: "${b}" is not host:port.`);
  }
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID?.trim() || 'accompagnement-feed-relay',
    ssl: env.KAFKA_SSL === 'true',
    sasl: readSasl(env),
    batchSize: int(env, 'FEED_RELAY_BATCH_SIZE', 500, 1, 10_000),
    idleMs: int(env, 'FEED_RELAY_IDLE_MS', 500, 10, 60_000),
    createTopics: env.KAFKA_CREATE_TOPICS !== 'false',
    numPartitions: int(env, 'KAFKA_FEED_PARTITIONS', -1, -1, 1000),
    replicationFactor: int(env, 'KAFKA_FEED_REPLICATION', -1, -1, 10),
  };
}

function readSasl(env: NodeJS.ProcessEnv): SASLOptions | undefined {
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim();
  if (!mechanism) return undefined;
  const username = env.KAFKA_SASL_USERNAME ?? '';
  const password = env.KAFKA_SASL_PASSWORD ?? '';
  if (mechanism === 'plain') return { mechanism, username, password };
  if (mechanism === 'scram-sha-256') return { mechanism, username, password };
  if (mechanism === 'scram-sha-512') return { mechanism, username, password };
  throw new FeedRelayConfigError(`KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, got "${mechanism}".`);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max || (n === 0 && min < 0)) {
    throw new FeedRelayConfigError(`${name} must be an integer between ${min} and ${max}${min < 0 ? ' (not 0)' : ''}, got "${raw}".`);
  }
  return n;
}
