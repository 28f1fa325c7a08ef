import type { Projection } from '../core/projection.port';
import { feedProjection } from './feed.projection';
import { loadFeedSecret } from './feed-secret';
import { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

export interface FeedConfig {
  /** FEED_SECRET: required with DATABASE_URL; generated into DATA_DIR on the embedded default. */
  feedSecret?: string;
  databaseUrl?: string;
  dataDir: string;
}

export function readFeedConfig(env: NodeJS.ProcessEnv = process.env): FeedConfig {
  return {
    feedSecret: env.FEED_SECRET?.trim() || undefined,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: env.DATA_DIR?.trim() || './data',
  };
}

/**
 * The feed projection as the worker (or the API on the embedded store) runs it, beside
 * builtInProjections(): it needs the feed secret, which only the app's configuration has.
 * Throws FeedSecretError at start-up when the secret is missing or malformed.
 */
export function feedProjectionFromConfig(config: FeedConfig = readFeedConfig()): Projection {
  return feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(loadFeedSecret(config)) });
}
