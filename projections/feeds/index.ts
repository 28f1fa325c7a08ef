export * from './feed-record';
export * from './feed.projection';
export * from './feed-projection.factory';
export * from './feed-secret';
export { readFunderFeed, readFeedAfter, latestSequence, parseCursor, MAX_PAGE, type FeedPage } from './feed.queries';
export { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';
