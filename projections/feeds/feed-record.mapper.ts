import { isCalendarDate, parisDate, type CalendarDate } from '../../libs/domain/src';
import { trajectoryIdOf } from '../../libs/domain/src/ids';
import { measureActivityAfter, monthMeasures, monthMeasureSettingOf, type ActivePeriod } from '../funder/month-measures.calculator';
import type { ConventionDirectory } from './convention-directory';
import { GRID_AXES, type AxisProgress, type FeedDetails, type FeedKind, type FeedProfile, type FeedRecordDraft } from './feed-record';
import { readFact, type AxisShares, type TrajectoryFact } from './trajectory-fact.reader';
import type { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

/** The part of a stored event the mapping reads. */
export interface FeedSourceEvent {
  id: string;
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: { occurredAt?: string; recordedAt: string };
}

/** One fact for the feed, before it is routed to a convention's funders. */
export interface FeedEntry {
  sourceEventId: string;
  kind: FeedKind;
  businessDate: CalendarDate;
  details: FeedDetails;
  /** Tells apart two entries of one event with the same kind (the months of month-measures). */
  discriminator: string;
}

/**
 * What the feed remembers of one trajectory between events: JSON only, stored per trajectory, so the
 * mapping stays a pure function of (state, event).
 */
export interface TrajectoryFeedState {
  trajectoryId: string;
  lastVersion: number;
  programme: string | null;
  /** The programme's monthBilling when it is not calendar months (absent in states stored before it existed). */
  monthBilling?: 'months-of-measure';
  saisineDate: CalendarDate | null;
  saisineConventionId: string | null;
  contractConventionId: string | null;
  profile: FeedProfile;
  contract: { measureType: string | null; briqueCodes: string[]; occupancyStatus: string | null } | null;
  diagnosticGrid: AxisShares | null;
  /**
   * The current measure's activity (workflows/trajectory measureActivityAfter) and the months already sent.
   * `leftOn` is absent from states stored before it existed: see activityOf().
   */
  measure: { periods: ActivePeriod[]; leftOn?: CalendarDate | null; counted: string[] } | null;
  finalEvaluation: { endReason: string; grid: AxisShares } | null;
  /** The latest business date seen: open activity runs up to it when counting month-measures. */
  lastDate: CalendarDate | null;
  /** Entries whose convention is not known yet (see docs/feeds.md, "Which convention"). */
  pending: FeedEntry[];
}

export interface MappingContext {
  directory: ConventionDirectory;
  pseudonymiser: TrajectoryPseudonymiser;
}

export interface MappingResult {
  state: TrajectoryFeedState | undefined;
  records: FeedRecordDraft[];
}

const EMPTY_PROFILE: FeedProfile = { composition: null, childrenBand: null, ageBand: null, resourcesType: null };

export function initialFeedState(trajectoryId: string): TrajectoryFeedState {
  return {
    trajectoryId,
    lastVersion: 0,
    programme: null,
    saisineDate: null,
    saisineConventionId: null,
    contractConventionId: null,
    profile: EMPTY_PROFILE,
    contract: null,
    diagnosticGrid: null,
    measure: null,
    finalEvaluation: null,
    lastDate: null,
    pending: [],
  };
}

/** The business date of an event: the engine writes a calendar date; an instant counts by its day in Paris. */
export function businessDateOf(event: FeedSourceEvent): CalendarDate {
  const occurred: unknown = event.metadata.occurredAt;
  if (isCalendarDate(occurred)) return occurred;
  const instant = new Date(typeof occurred === 'string' ? occurred : event.metadata.recordedAt);
  return parisDate(Number.isNaN(instant.getTime()) ? new Date(event.metadata.recordedAt) : instant);
}

/**
 * event -> feed records: the whole feed rule in one pure function. Given the same state and event it
 * returns the same records with the same ids, and an event at or below the state's version returns
 * nothing (the projection may see an event twice after a crash).
 */
export function mapFeedEvent(state: TrajectoryFeedState | undefined, event: FeedSourceEvent, ctx: MappingContext): MappingResult {
  const trajectoryId = trajectoryIdOf(event.streamId);
  if (!trajectoryId) return { state, records: [] };
  const current = state ?? initialFeedState(trajectoryId);
  if (event.version <= current.lastVersion) return { state, records: [] };
  const fact = readFact(event.type, event.data);
  // A stream that did not open with a saisine is not a trajectory the feed can attribute.
  if (!state && fact.fact !== 'saisine') return { state: { ...current, lastVersion: event.version }, records: [] };

  const date = businessDateOf(event);
  const next: TrajectoryFeedState = structuredClone(current);
  next.lastVersion = event.version;
  next.lastDate = next.lastDate && next.lastDate > date ? next.lastDate : date;
  const entries: FeedEntry[] = [];
  const emit = (kind: FeedKind, details: FeedDetails = {}, discriminator = ''): void => {
    entries.push({ sourceEventId: event.id, kind, businessDate: date, details, discriminator });
  };
  applyFact(next, fact, event.type, date, emit);
  return route(next, entries, ctx);
}

/**
 * Sends a trajectory's waiting entries now that a convention became known (a ConventionCreated seen
 * after the saisine that names it). Returns the state unchanged when they still cannot go.
 */
export function flushPending(state: TrajectoryFeedState, ctx: MappingContext): MappingResult {
  if (state.pending.length === 0) return { state, records: [] };
  const result = route(structuredClone(state), [], ctx);
  return result.records.length > 0 ? result : { state, records: [] };
}

type Emit = (kind: FeedKind, details?: FeedDetails, discriminator?: string) => void;

function applyFact(s: TrajectoryFeedState, fact: TrajectoryFact, type: string, date: CalendarDate, emit: Emit): void {
  switch (fact.fact) {
    case 'saisine':
      s.programme = fact.programme;
      if (fact.monthBilling) s.monthBilling = fact.monthBilling;
      s.saisineDate = date;
      s.saisineConventionId = fact.conventionId;
      s.profile = fact.profile;
      emit('saisine-received');
      return;
    case 'diagnostic-grid':
      s.diagnosticGrid = fact.grid;
      return;
    case 'diagnostic-concluded':
      emit('diagnostic-concluded', { outcome: fact.outcome });
      if (fact.outcome === 'autonomous') emit('trajectory-closed', { closingReason: 'diagnostic-autonomous' });
      return;
    case 'contract-drafted':
      s.contract = { measureType: fact.measureType, briqueCodes: fact.briqueCodes, occupancyStatus: fact.occupancyStatus };
      if (fact.conventionId) s.contractConventionId = fact.conventionId;
      return;
    case 'measure-started': {
      if (fact.conventionId) s.contractConventionId = fact.conventionId;
      const startsOn = fact.startsOn ?? date;
      s.measure = { periods: [{ from: startsOn, to: null }], leftOn: null, counted: [] };
      s.finalEvaluation = null;
      emit('measure-started', {
        measureType: fact.measureType ?? s.contract?.measureType ?? undefined,
        briqueCodes: s.contract?.briqueCodes ?? [],
        occupancyStatus: s.contract?.occupancyStatus ?? null,
      });
      countMonths(s, emit);
      return;
    }
    case 'bilan':
      countMonths(s, emit);
      emit('bilan-recorded');
      return;
    case 'renewed':
      countMonths(s, emit);
      // A renewal decided at the final evaluation sends the measure back to briques.
      activity(s, type, date);
      s.finalEvaluation = null;
      emit('measure-renewed', { renewalMonths: fact.months });
      countMonths(s, emit);
      return;
    case 'suspended':
      activity(s, type, date);
      countMonths(s, emit);
      emit('measure-suspended');
      return;
    case 'resumed':
      activity(s, type, date);
      emit('measure-resumed');
      countMonths(s, emit);
      return;
    case 'evaluation-started':
      activity(s, type, date);
      countMonths(s, emit);
      return;
    case 'final-evaluation':
      countMonths(s, emit);
      // Renewal is still possible: the measure ends only with the next hand-off, veille or closing.
      s.finalEvaluation = { endReason: fact.endReason, grid: fact.grid };
      return;
    case 'measure-handed-on':
      endMeasure(s, type, date, emit);
      return;
    case 'relais-confirmed':
      endMeasure(s, type, date, emit);
      emit('relais-confirmed', { partnerKind: fact.partnerKind });
      emit('trajectory-closed', { closingReason: 'relais-confirmed' });
      return;
    case 'closed':
      endMeasure(s, type, date, emit, fact.closingKind === 'withdrawn' ? 'withdrawn' : (fact.endReason ?? 'other'));
      emit('trajectory-closed', { closingReason: fact.closingKind, endReason: fact.endReason ?? undefined });
      return;
    case 'reopened':
      // Droit au recommencement: a new diagnostic, later maybe a new contract and measure.
      s.diagnosticGrid = null;
      s.contract = null;
      s.measure = null;
      s.finalEvaluation = null;
      return;
    case 'activity':
      countMonths(s, emit);
      return;
  }
}

/**
 * The measure's activity after the event, by the workflow's one definition. A state stored before
 * `leftOn` was kept counts as having left briques once its final evaluation is recorded.
 */
function activity(s: TrajectoryFeedState, type: string, date: CalendarDate): void {
  if (!s.measure) return;
  const periods = s.measure.periods;
  const closed = periods.length > 0 ? periods[periods.length - 1].to : null;
  const leftOn = s.measure.leftOn !== undefined ? s.measure.leftOn : s.finalEvaluation ? closed : null;
  const next = measureActivityAfter({ startsOn: periods[0]?.from ?? date, periods, leftOn }, type, date);
  s.measure = { ...s.measure, periods: next.periods, leftOn: next.leftOn };
}

/**
 * Emits each month-measure once, as soon as the log proves it: the month of any event dated while
 * the measure is active, and every month an ended stretch of activity covered. Uses the funder
 * projection's calculator, so the feed and the dashboards count the same months.
 */
function countMonths(s: TrajectoryFeedState, emit: Emit): void {
  if (!s.measure || !s.lastDate) return;
  const counted = new Set(s.measure.counted);
  for (const month of monthMeasures(s.measure, s.lastDate, monthMeasureSettingOf(s.monthBilling))) {
    if (counted.has(month)) continue;
    counted.add(month);
    emit('month-measure-counted', { month }, month);
  }
  s.measure.counted = [...counted].sort();
}

function endMeasure(s: TrajectoryFeedState, type: string, date: CalendarDate, emit: Emit, fallbackReason = 'other'): void {
  if (!s.measure) return;
  activity(s, type, date);
  countMonths(s, emit);
  const final = s.finalEvaluation;
  emit('measure-ended', {
    endReason: final?.endReason ?? fallbackReason,
    gridProgress: progress(s.diagnosticGrid, final?.grid ?? null),
  });
  s.measure = null;
  s.finalEvaluation = null;
}

function progress(atDiagnostic: AxisShares | null, atFinal: AxisShares | null): AxisProgress[] {
  return GRID_AXES.map((axis) => ({
    axis,
    atDiagnostic: atDiagnostic?.[axis] ?? null,
    atFinalEvaluation: atFinal?.[axis] ?? null,
  }));
}

/**
 * The convention records go to: the contract's once there is one, otherwise the saisine's, otherwise
 * the programme's only convention for the saisine's year. When none is known (or the directory does
 * not know it yet) the entries wait in the state and leave with the first convention that is.
 */
function conventionFor(s: TrajectoryFeedState, directory: ConventionDirectory): string | undefined {
  const named = s.contractConventionId ?? s.saisineConventionId;
  if (named) return directory.byId(named) ? named : undefined;
  if (!s.programme || !s.saisineDate) return undefined;
  const candidates = directory.forProgramme(s.programme, Number(s.saisineDate.slice(0, 4)));
  return candidates.length === 1 ? candidates[0].id : undefined;
}

function route(s: TrajectoryFeedState, entries: FeedEntry[], ctx: MappingContext): MappingResult {
  const conventionId = conventionFor(s, ctx.directory);
  if (!conventionId) {
    s.pending.push(...entries);
    return { state: s, records: [] };
  }
  const ready = [...s.pending, ...entries];
  s.pending = [];
  const funderIds = ctx.directory.byId(conventionId)?.funderIds ?? [];
  const records: FeedRecordDraft[] = [];
  for (const entry of ready) {
    for (const funderId of funderIds) {
      records.push({
        recordId: ctx.pseudonymiser.recordId(funderId, entry.sourceEventId, `${entry.kind}:${entry.discriminator}:${conventionId}`),
        funderId,
        conventionId,
        trajectoryPseudonym: ctx.pseudonymiser.pseudonym(funderId, s.trajectoryId),
        kind: entry.kind,
        businessDate: entry.businessDate,
        profile: s.profile,
        details: entry.details,
        sourceEventId: entry.sourceEventId,
      });
    }
  }
  return { state: s, records };
}
