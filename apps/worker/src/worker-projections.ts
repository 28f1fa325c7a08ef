import type { Projection } from '../../../projections/core/projection.port';
import { feedProjectionFromConfig, readFeedConfig } from '../../../projections/feeds/feed-projection.factory';
import { builtInProjections } from '../../../projections/projections.catalogue';

/** The projections this worker runs: the built-in read models, plus any that need configuration from env. */
export function workerProjections(env: NodeJS.ProcessEnv): Projection[] {
  // The funder feeds need FEED_SECRET (or the one generated in DATA_DIR): see docs/feeds.md.
  return [...builtInProjections(), feedProjectionFromConfig(readFeedConfig(env))];
}
