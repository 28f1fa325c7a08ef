import { isCalendarDate, type CalendarDate } from '../../libs/domain/src';
import { GRID_AXES, type ChildrenBand, type FeedProfile, type GridAxis } from './feed-record';

/**
 * Turns a stored trajectory event into the few facts the feed uses. It reads categorical fields only
 * and never looks at `data.personal`: the feed runs on the sealed store, where that member is
 * ciphertext anyway. Every value that leaves goes through `code()`, so a free-text value put by
 * mistake in a categorical field (a name typed as a landlord code...) is replaced, never published.
 */
export type TrajectoryFact =
  | { fact: 'saisine'; programme: string | null; conventionId: string | null; profile: FeedProfile; monthBilling?: 'months-of-measure' }
  | { fact: 'diagnostic-grid'; grid: AxisShares }
  | { fact: 'diagnostic-concluded'; outcome: string }
  | { fact: 'contract-drafted'; conventionId: string | null; measureType: string | null; briqueCodes: string[]; occupancyStatus: string | null }
  | { fact: 'measure-started'; startsOn: CalendarDate | null; conventionId: string | null; measureType: string | null }
  | { fact: 'bilan' }
  | { fact: 'renewed'; months: number | null }
  | { fact: 'suspended' }
  | { fact: 'resumed' }
  | { fact: 'evaluation-started' }
  | { fact: 'final-evaluation'; endReason: string; grid: AxisShares }
  | { fact: 'measure-handed-on' }
  | { fact: 'relais-confirmed'; partnerKind: string | null }
  | { fact: 'closed'; closingKind: string; endReason: string | null }
  | { fact: 'reopened' }
  /** Anything else: only its date matters (it proves the measure was active that day). */
  | { fact: 'activity' };

/** Share of items rated `acquired` per axis (0..1), null for an axis with no rating. */
export type AxisShares = Record<GridAxis, number | null>;

const CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** A categorical value as published: a short code, or null; anything that looks like text is dropped. */
export function code(value: unknown): string | null {
  return typeof value === 'string' && CODE.test(value) ? value : null;
}

export function childrenBand(count: unknown): ChildrenBand | null {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  if (count === 0) return '0';
  return count <= 2 ? '1-2' : '3+';
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function profileOf(household: unknown): FeedProfile {
  const h = record(household);
  return {
    composition: code(h.composition),
    childrenBand: childrenBand(h.childrenCount),
    ageBand: code(h.ageBand),
    resourcesType: code(h.mainResources),
  };
}

export function gridShares(ratings: unknown): AxisShares {
  const counts = new Map<GridAxis, { acquired: number; total: number }>();
  for (const r of Array.isArray(ratings) ? ratings : []) {
    const { axis, rating } = record(r);
    if (!(GRID_AXES as readonly unknown[]).includes(axis) || typeof rating !== 'string') continue;
    const c = counts.get(axis as GridAxis) ?? { acquired: 0, total: 0 };
    c.total++;
    if (rating === 'acquired') c.acquired++;
    counts.set(axis as GridAxis, c);
  }
  const shares = {} as AxisShares;
  for (const axis of GRID_AXES) {
    const c = counts.get(axis);
    shares[axis] = c ? Math.round((c.acquired / c.total) * 100) / 100 : null;
  }
  return shares;
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function briqueCodes(value: unknown): string[] {
  const codes = (Array.isArray(value) ? value : []).map(code).filter((c): c is string => c !== null);
  return [...new Set(codes)].sort();
}

export function readFact(type: string, rawData: unknown): TrajectoryFact {
  const data = record(rawData);
  switch (type) {
    case 'SaisineReceived':
      return {
        fact: 'saisine',
        programme: code(record(data.programme).code) ?? code(data.programme),
        conventionId: code(data.conventionId),
        profile: profileOf(data.household),
        ...(record(data.programme).monthBilling === 'months-of-measure' ? { monthBilling: 'months-of-measure' as const } : {}),
      };
    case 'EvaluationGridRecorded':
      return { fact: 'diagnostic-grid', grid: gridShares(data.ratings) };
    case 'DiagnosticConcluded':
      return { fact: 'diagnostic-concluded', outcome: code(data.outcome) ?? 'other' };
    case 'ContractDrafted':
      return {
        fact: 'contract-drafted',
        conventionId: code(data.conventionId),
        measureType: code(data.measureType),
        briqueCodes: briqueCodes(data.briques),
        occupancyStatus: code(data.occupancyStatus),
      };
    case 'MeasureStarted':
      return {
        fact: 'measure-started',
        startsOn: isCalendarDate(data.startsOn) ? data.startsOn : null,
        conventionId: code(data.conventionId),
        measureType: code(data.measureType),
      };
    case 'BilanRecorded':
      return { fact: 'bilan' };
    case 'MeasureRenewed':
      return { fact: 'renewed', months: positiveInt(data.months) };
    case 'MeasureSuspended':
      return { fact: 'suspended' };
    case 'MeasureResumed':
      return { fact: 'resumed' };
    case 'EvaluationStarted':
      return { fact: 'evaluation-started' };
    case 'FinalEvaluationRecorded':
      return { fact: 'final-evaluation', endReason: code(data.endReason) ?? 'other', grid: gridShares(data.ratings) };
    case 'HandedOff':
    case 'VeilleStarted':
      return { fact: 'measure-handed-on' };
    case 'RelaisConfirmed':
      return { fact: 'relais-confirmed', partnerKind: code(record(data.partner).kind) };
    case 'TrajectoryClosed':
      return { fact: 'closed', closingKind: 'closed', endReason: code(data.endReason) };
    case 'VeilleEnded':
      return { fact: 'closed', closingKind: 'veille-ended', endReason: code(data.endReason) };
    case 'SaisineReoriented':
      return { fact: 'closed', closingKind: 'reoriented', endReason: null };
    case 'SaisineDeclined':
      return { fact: 'closed', closingKind: 'declined', endReason: null };
    case 'ContractDeclined':
      return { fact: 'closed', closingKind: 'contract-declined', endReason: null };
    case 'TrajectoryWithdrawn':
      return { fact: 'closed', closingKind: 'withdrawn', endReason: null };
    case 'TrajectoryReopened':
      return { fact: 'reopened' };
    default:
      return { fact: 'activity' };
  }
}
