import type { SASLOptions } from 'kafkajs';
import { readBooleanSetting, readEnumSetting } from '../../../../libs/config/src';

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
    ssl: readBooleanSetting(env, 'KAFKA_SSL', false),
    sasl: readSasl(env),
    batchSize: int(env, 'FEED_RELAY_BATCH_SIZE', 500, 1, 10_000),
    idleMs: int(env, 'FEED_RELAY_IDLE_MS', 500, 10, 60_000),
    createTopics: readBooleanSetting(env, 'KAFKA_CREATE_TOPICS', true),
    numPartitions: int(env, 'KAFKA_FEED_PARTITIONS', -1, -1, 1000),
    replicationFactor: int(env, 'KAFKA_FEED_REPLICATION', -1, -1, 10),
  };
}

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

function readSasl(env: NodeJS.ProcessEnv): SASLOptions | undefined {
  const mechanism = readEnumSetting(env, 'KAFKA_SASL_MECHANISM', SASL_MECHANISMS);
  if (!mechanism) return undefined;
  return { mechanism, username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' } as SASLOptions;
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
