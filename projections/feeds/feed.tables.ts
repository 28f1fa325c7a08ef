import type { ProjectionMigration } from '../core/projection.port';
import { FEED_CONVENTIONS_TABLE } from './feed-conventions';

export const FEED_RECORDS_TABLE = 'feed_records';
export const FEED_TRAJECTORIES_TABLE = 'feed_trajectories';
/**
 * Not one of the projection's tables on purpose: a rebuild drops the tables but keeps the sequence,
 * so rebuilt records get numbers above every number already handed out. A cursor or a relay
 * position taken before the rebuild then sees the whole feed again (same record ids, deduplicated
 * by consumers) instead of silently missing the records renumbered below it.
 */
export const FEED_SEQUENCE = 'feed_record_sequence';

/** Notified in the transaction that writes records: delivered at its commit, so a listener reads them. */
export const FEED_NOTIFY_CHANNEL = 'funder_feed';

export const FEED_MIGRATIONS: readonly ProjectionMigration[] = [
  {
    version: 1,
    name: 'feed-records',
    sql: `CREATE SEQUENCE IF NOT EXISTS ${FEED_SEQUENCE};
      CREATE TABLE IF NOT EXISTS ${FEED_RECORDS_TABLE} (
        sequence bigint PRIMARY KEY DEFAULT nextval('${FEED_SEQUENCE}'),
        record_id uuid NOT NULL UNIQUE,
        funder_id text NOT NULL,
        convention_id text NOT NULL,
        trajectory_pseudonym text NOT NULL,
        kind text NOT NULL,
        business_date text NOT NULL,
        profile jsonb NOT NULL,
        details jsonb NOT NULL,
        schema_version integer NOT NULL,
        source_event_id text NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS feed_records_by_funder ON ${FEED_RECORDS_TABLE} (funder_id, sequence);
      CREATE TABLE IF NOT EXISTS ${FEED_TRAJECTORIES_TABLE} (
        trajectory_id text PRIMARY KEY,
        state jsonb NOT NULL,
        pending integer NOT NULL DEFAULT 0
      );
      CREATE INDEX IF NOT EXISTS feed_trajectories_waiting ON ${FEED_TRAJECTORIES_TABLE} (trajectory_id) WHERE pending > 0;
      CREATE TABLE IF NOT EXISTS ${FEED_CONVENTIONS_TABLE} (
        id text PRIMARY KEY,
        programme text NOT NULL,
        year integer NOT NULL,
        funder_ids jsonb NOT NULL
      );`,
  },
];
