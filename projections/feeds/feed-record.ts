import type { CalendarDate } from '../../libs/domain/src';

/**
 * The funder feed record, version 1 (docs/feeds.md holds its JSON Schema). Adding an optional field
 * keeps the version; renaming, removing or changing the meaning of one makes a v2 with its own topics.
 */
export const FEED_SCHEMA_VERSION = 1;

export const FEED_KINDS = [
  'saisine-received',
  'diagnostic-concluded',
  'measure-started',
  'month-measure-counted',
  'bilan-recorded',
  'measure-renewed',
  'measure-suspended',
  'measure-resumed',
  'measure-ended',
  'relais-confirmed',
  'trajectory-closed',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * Only bands and categories: with small counts per convention, each extra precise attribute makes a
 * household easier to single out. Gender is left out on purpose for the same reason (domain §8).
 */
export interface FeedProfile {
  composition: string | null;
  childrenBand: ChildrenBand | null;
  ageBand: string | null;
  resourcesType: string | null;
}

export type ChildrenBand = '0' | '1-2' | '3+';

export const GRID_AXES = ['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'] as const;
export type GridAxis = (typeof GRID_AXES)[number];

/** Share of the axis' items rated `acquired`, 0..1 with two decimals; null when the axis was not rated. */
export interface AxisProgress {
  axis: GridAxis;
  atDiagnostic: number | null;
  atFinalEvaluation: number | null;
}

/** Kind-specific facts; every value is a code, a band, a count or a date, never text typed by a person. */
export interface FeedDetails {
  outcome?: string;
  measureType?: string;
  briqueCodes?: string[];
  occupancyStatus?: string | null;
  /** 'YYYY-MM' of a counted month-measure. */
  month?: string;
  renewalMonths?: number | null;
  endReason?: string;
  gridProgress?: AxisProgress[];
  /** Kind of the partner that took the household on (relais), e.g. 'ccas'. */
  partnerKind?: string | null;
  closingReason?: string | null;
}

/** A record as the projection decides it, before the database gives it a sequence number. */
export interface FeedRecordDraft {
  /** uuid, the same for the same fact each time the feed is rebuilt: consumers deduplicate by it. */
  recordId: string;
  funderId: string;
  conventionId: string;
  trajectoryPseudonym: string;
  kind: FeedKind;
  businessDate: CalendarDate;
  profile: FeedProfile;
  details: FeedDetails;
  /** The store event it comes from; kept in the table for audits, never published. */
  sourceEventId: string;
}

/** What leaves the association: over HTTP, on Kafka. */
export interface FeedRecord {
  schemaVersion: typeof FEED_SCHEMA_VERSION;
  recordId: string;
  sequence: number;
  funderId: string;
  conventionId: string;
  trajectoryPseudonym: string;
  kind: FeedKind;
  businessDate: CalendarDate;
  profile: FeedProfile;
  details: FeedDetails;
}

/** Funder ids are codes, as conventions validate them (projections/funder/convention.validator.ts). */
export const FUNDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function isFunderId(value: unknown): value is string {
  return typeof value === 'string' && FUNDER_ID.test(value);
}

/**
 * Kafka topic names allow [a-zA-Z0-9._-]; a funder code may also hold ':'. The escape is one-to-one
 * ('_' -> '__', ':' -> '_c'), so two funders can never be given the same topic, and ids made of
 * letters, digits, '.' and '-' (the usual case) appear as they are.
 */
export function feedTopic(funderId: string): string {
  if (!isFunderId(funderId)) throw new Error(`Funder id "${funderId}" is not a funder code (letters, digits and . _ : - only).`);
  return `accompagnement.feed.${funderId.replace(/_/g, '__').replace(/:/g, '_c')}.v${FEED_SCHEMA_VERSION}`;
}
