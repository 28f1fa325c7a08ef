import type { SqlExecutor } from '../core/sql.port';
import { FEED_SCHEMA_VERSION, type FeedDetails, type FeedKind, type FeedProfile, type FeedRecord } from './feed-record';
import { FEED_RECORDS_TABLE } from './feed.tables';

export const MAX_PAGE = 1000;

export interface FeedPage {
  records: FeedRecord[];
  /** Pass as `after` to get the records that follow; equal to `after` when there were none. */
  nextCursor: string;
}

interface FeedRow {
  sequence: string | number;
  record_id: string;
  funder_id: string;
  convention_id: string;
  trajectory_pseudonym: string;
  kind: string;
  business_date: string;
  profile: FeedProfile | string;
  details: FeedDetails | string;
}

const COLUMNS = 'sequence, record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details';

function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toFeedRecord(row: FeedRow): FeedRecord {
  return {
    schemaVersion: FEED_SCHEMA_VERSION,
    recordId: row.record_id,
    sequence: Number(row.sequence),
    funderId: row.funder_id,
    conventionId: row.convention_id,
    trajectoryPseudonym: row.trajectory_pseudonym,
    kind: row.kind as FeedKind,
    businessDate: row.business_date,
    profile: json(row.profile),
    details: json(row.details),
  };
}

/** A cursor is the sequence of the last record read; '0' (or nothing) is the start of the feed. */
export function parseCursor(cursor: string | undefined): bigint | undefined {
  if (cursor === undefined || cursor === '') return 0n;
  return /^\d{1,19}$/.test(cursor) ? BigInt(cursor) : undefined;
}

/**
 * A reader never misses a record by trusting `sequence > cursor`: only the feed projection writes
 * the table, one batch transaction at a time, so a number is visible only once every smaller
 * number is committed or abandoned (docs/feeds.md, "Gap safety").
 */
export async function readFunderFeed(db: SqlExecutor, funderId: string, after: bigint, limit: number): Promise<FeedPage> {
  const { rows } = await db.query<FeedRow>(
    `SELECT ${COLUMNS} FROM ${FEED_RECORDS_TABLE} WHERE funder_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
    [funderId, after.toString(), clampLimit(limit)],
  );
  const records = rows.map(toFeedRecord);
  return { records, nextCursor: records.length ? String(records[records.length - 1].sequence) : after.toString() };
}

/** Every funder's records in sequence order: what the relay publishes. */
export async function readFeedAfter(db: SqlExecutor, after: bigint, limit: number): Promise<FeedRecord[]> {
  const { rows } = await db.query<FeedRow>(`SELECT ${COLUMNS} FROM ${FEED_RECORDS_TABLE} WHERE sequence > $1 ORDER BY sequence LIMIT $2`, [
    after.toString(),
    clampLimit(limit),
  ]);
  return rows.map(toFeedRecord);
}

export function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
}

/** The highest sequence written so far (0 for an empty feed): what a live tail watches. */
export async function latestSequence(db: SqlExecutor): Promise<bigint> {
  const { rows } = await db.query<{ last: string | number | null }>(`SELECT max(sequence) AS last FROM ${FEED_RECORDS_TABLE}`);
  return BigInt(rows[0]?.last ?? 0);
}
