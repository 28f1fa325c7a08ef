import { addDays, addDelay, maxDate, type CalendarDate } from '../../../../libs/domain/src';
import type { Milestone, PointCadence } from '../../../programmes/src';
import type { PointMode, PointParty } from '../vocabulary/trajectory-terms';

/** One point as the cadences count it (categorical). */
export interface CountedPoint {
  on: CalendarDate;
  briqueCode: string;
  mode: PointMode;
  parties?: PointParty[];
}

/** What the programme's cadences and milestones are computed from (part of a trajectory's facts). */
export interface ScheduleFacts {
  stage: string;
  openedOn: CalendarDate;
  firstContactOn: CalendarDate | null;
  measure: { startsOn: CalendarDate } | null;
  suspendedSince: CalendarDate | null;
  lastResumedOn: CalendarDate | null;
  activeBriques: { code: string; startedOn: CalendarDate }[];
  occupancyStatus: string | null;
  /** The trajectory's points, kept only when its terms have point cadences. */
  points: CountedPoint[];
  /** Milestones reached, by code. */
  milestonesReached: Record<string, CalendarDate>;
  schedule: { pointCadences?: PointCadence[]; milestones?: Milestone[] };
}

export interface ScheduleDue {
  dueOn: CalendarDate;
  /** The cadence's or milestone's code. */
  code: string;
  /** For a cadence bound to briques: the brique it runs on. */
  briqueCode?: string;
}

/** Stages in which briques run (their points are owed); none after the evaluation starts. */
const RUNNING_STAGES = ['diagnostic', 'contract', 'briques'];

const lastDayOfWindow = (anchor: CalendarDate, per: PointCadence['per'], k: number) => addDays(addDelay(anchor, per, k + 1), -1);

/**
 * The next due date of a cadence "at least N points in each period, counted from the anchor": the
 * periods are anchor + k·per (months from the anchor in one step, so they clamp to the month's end).
 * The period that holds the latest counted point (the first one when there is none) is looked at: when it
 * has fewer than N points its last day is due; when it has N, the last day of the next period is.
 */
export function cadenceDueOn(cadence: Pick<PointCadence, 'atLeast' | 'per'>, anchor: CalendarDate, counted: readonly CalendarDate[]): CalendarDate {
  const latest = counted.reduce<CalendarDate | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
  let k = 0;
  if (latest !== undefined) while (addDelay(anchor, cadence.per, k + 1) <= latest) k++;
  const from = addDelay(anchor, cadence.per, k);
  const to = addDelay(anchor, cadence.per, k + 1);
  const inWindow = counted.filter((d) => d >= from && d < to).length;
  return lastDayOfWindow(anchor, cadence.per, inWindow >= cadence.atLeast ? k + 1 : k);
}

function counts(cadence: PointCadence, p: CountedPoint, since: CalendarDate, briqueCode?: string): boolean {
  if (p.on < since) return false;
  if (briqueCode !== undefined && p.briqueCode !== briqueCode) return false;
  if (cadence.modes && !cadence.modes.includes(p.mode)) return false;
  if (cadence.parties && !cadence.parties.every((party) => p.parties?.includes(party))) return false;
  return true;
}

/**
 * The programme's point cadences due now (domain.md §3, §6). A cadence that names briques runs while
 * one of them is active, in whatever stage the programme runs it, from the brique's start; one that names
 * none runs during the measure, from its start; `startsAfter` moves that anchor later. Nothing is due while the measure is suspended; after a
 * resumption the periods count again from it.
 */
export function pointCadenceDueDates(f: ScheduleFacts): ScheduleDue[] {
  const cadences = f.schedule.pointCadences ?? [];
  if (cadences.length === 0 || f.suspendedSince || !RUNNING_STAGES.includes(f.stage)) return [];
  const resumed = (d: CalendarDate) => (f.stage === 'briques' && f.lastResumedOn ? maxDate(d, f.lastResumedOn) : d);
  const from = (cadence: PointCadence, d: CalendarDate) => resumed(cadence.startsAfter ? addDelay(d, cadence.startsAfter) : d);
  const out: ScheduleDue[] = [];
  for (const cadence of cadences) {
    if (cadence.briques) {
      for (const brique of f.activeBriques.filter((b) => cadence.briques?.includes(b.code))) {
        const anchor = from(cadence, brique.startedOn);
        const counted = f.points.filter((p) => counts(cadence, p, anchor, brique.code)).map((p) => p.on);
        out.push({ dueOn: cadenceDueOn(cadence, anchor, counted), code: cadence.code, briqueCode: brique.code });
      }
    } else if (f.stage === 'briques' && f.measure) {
      const anchor = from(cadence, f.measure.startsOn);
      const counted = f.points.filter((p) => counts(cadence, p, anchor)).map((p) => p.on);
      out.push({ dueOn: cadenceDueOn(cadence, anchor, counted), code: cadence.code });
    }
  }
  return out;
}

function anchorDate(f: ScheduleFacts, anchor: Milestone['anchor']): CalendarDate | null | undefined {
  if (typeof anchor === 'object') return f.milestonesReached[anchor.milestone];
  if (anchor === 'saisine') return f.openedOn;
  if (anchor === 'first-contact') return f.firstContactOn;
  return f.measure?.startsOn;
}

/**
 * The programme's milestones not reached yet whose anchor is known: each due `dueAfter` its anchor
 * (the saisine, the first contact, the measure's start, or another milestone's recording). One bound
 * to occupancy statuses is due only once a contract states one of them.
 */
export function milestoneDueDates(f: ScheduleFacts): ScheduleDue[] {
  return (f.schedule.milestones ?? []).flatMap((m) => {
    if (f.milestonesReached[m.code] !== undefined) return [];
    if (m.occupancyStatuses && !(f.occupancyStatus && m.occupancyStatuses.includes(f.occupancyStatus as never))) return [];
    const from = anchorDate(f, m.anchor);
    return from ? [{ dueOn: addDelay(from, m.dueAfter), code: m.code }] : [];
  });
}
