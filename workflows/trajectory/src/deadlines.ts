import { addDays, addDelay, addMonths, daysBetween, maxDate, type CalendarDate } from '../../../libs/domain/src';
import { delayOf } from '../../programmes/src';
import { milestoneDueDates, pointCadenceDueDates, type ScheduleFacts } from './obligations/programme-schedule';
import type { TrajectoryFacts } from './obligations/trajectory-facts';

/** The part of the facts the programme's cadences and milestones read. */
function scheduleFactsOf(f: TrajectoryFacts): ScheduleFacts {
  return {
    stage: f.stage,
    openedOn: f.openedOn,
    firstContactOn: f.diagnosticStartedOn,
    measure: f.measure,
    suspendedSince: f.suspendedSince,
    lastResumedOn: f.lastResumedOn,
    activeBriques: f.activeBriques,
    occupancyStatus: f.occupancyStatus ?? null,
    points: f.points ?? [],
    milestonesReached: f.milestonesReached ?? {},
    schedule: { pointCadences: f.terms.pointCadences, milestones: f.terms.milestones },
  };
}

/**
 * What a trajectory owes (domain §6), computed ONCE, here, from its facts (obligations/trajectory-facts.ts).
 * The trajectory view, the deadlines projection, the caseload's next deadline and anything else that
 * shows a due date call `trajectoryDeadlines` (what is due now) or `trajectorySchedule` (everything
 * planned ahead); none of them derives a due date on its own.
 *
 * EXTENSION POINT: a deadline kind is data, a `DeadlineContributor` in `DEADLINE_CONTRIBUTORS`:
 * a kind name and a small pure function of the facts returning the due dates of that kind (none,
 * one, or several told apart by `briqueCode`). To add one (a validation deadline, a programme
 * cadence per party, a milestone):
 *   1. if it needs a fact the fold does not keep, add it to TrajectoryFacts and to evolveTrajectoryFacts;
 *   2. write `defineDeadline('my-kind', (f) => ...)` and add it to the list below (its place is the
 *      tie-break order between deadlines due on the same day);
 *   3. bump the version of the projections that store the facts (deadlines, caseload) so they rebuild.
 * The kind then appears in DEADLINE_KINDS, in the OpenAPI enums, in every reader.
 */

/** A due date without its owner (the referent is added once for all kinds). */
export interface DueDate {
  dueOn: CalendarDate;
  /** For 'point': the brique it is due on (for a programme cadence bound to briques, the brique it runs on). */
  briqueCode?: string;
  /** For 'point-cadence' and 'milestone': the programme's code of the cadence or milestone. */
  code?: string;
}

export interface DeadlineContributor<K extends string = string> {
  kind: K;
  /** What is due now, from the facts. Pure. */
  due(facts: TrajectoryFacts): DueDate[];
  /** What is planned after what is due now, for the schedule ahead (default: nothing more). */
  ahead?(facts: TrajectoryFacts): DueDate[];
}

export function defineDeadline<K extends string>(kind: K, due: (f: TrajectoryFacts) => DueDate[], ahead?: (f: TrajectoryFacts) => DueDate[]): DeadlineContributor<K> {
  return ahead ? { kind, due, ahead } : { kind, due };
}

/** No programme setting exists for it: a partner is expected to confirm a relais within a month. */
export const RELAIS_CONFIRMATION_DAYS = 30;
export const VEILLE_VISIT_MONTHS = 12;
export const DUE_SOON_DAYS = 7;

const at = (dueOn: CalendarDate | null | undefined): DueDate[] => (dueOn ? [{ dueOn }] : []);

/** While suspended no point or bilan is due; after a resumption their cadence counts from it. */
function runningSince(f: TrajectoryFacts, d: CalendarDate): CalendarDate | undefined {
  if (f.stage !== 'briques' || !f.measure || f.suspendedSince) return undefined;
  return f.lastResumedOn ? maxDate(d, f.lastResumedOn) : d;
}

function bilanEvery(f: TrajectoryFacts): number {
  return f.contractBilanEveryMonths ?? f.terms.bilanEveryMonths;
}

function bilanBase(f: TrajectoryFacts): CalendarDate | undefined {
  return f.measure ? runningSince(f, f.lastBilanOn ?? f.measure.startsOn) : undefined;
}

function pointMonths(f: TrajectoryFacts, cadence: 'once' | 'monthly' | 'yearly'): number | undefined {
  return cadence === 'monthly' ? f.terms.pointEveryMonths : cadence === 'yearly' ? 12 : undefined;
}

export const firstContactDeadline = defineDeadline('first-contact', (f) => (f.stage === 'saisine' ? at(addDelay(f.openedOn, delayOf(f.terms, 'firstContact'))) : []));

export const diagnosticDeadline = defineDeadline('diagnostic', (f) =>
  f.stage === 'diagnostic' && f.diagnosticStartedOn ? at(addDelay(f.diagnosticStartedOn, delayOf(f.terms, 'diagnostic'))) : [],
);

/** The validator's decision on a submitted measure, within the programme's validation delay (issue 13). */
export const validationDeadline = defineDeadline('validation', (f) =>
  f.stage === 'contract' && f.validationAwaited ? at(addDays(f.validationAwaited.submittedOn, f.validationAwaited.days)) : [],
);

export const contractSignatureDeadline = defineDeadline('contract-signature', (f) =>
  f.stage === 'contract' && f.diagnosticConcludedOn ? at(addDelay(f.diagnosticConcludedOn, delayOf(f.terms, 'contractSignature'))) : [],
);

/** The next bilan; ahead, every later one the cadence plans until the measure's end. */
export const bilanDeadline = defineDeadline(
  'bilan',
  (f) => {
    const base = bilanBase(f);
    return base ? at(addMonths(base, bilanEvery(f))) : [];
  },
  (f) => {
    const base = bilanBase(f);
    if (!base || !f.measure) return [];
    const out: DueDate[] = [];
    // Counted from the base each time (not from the previous due date): 31 Jan + 1, + 2 months = 28 Feb, 31 Mar.
    for (let k = 2; ; k++) {
      const dueOn = addMonths(base, k * bilanEvery(f));
      if (dueOn > f.measure.endsOn || k > 1000) break;
      out.push({ dueOn });
    }
    return out;
  },
);

export const pointDeadline = defineDeadline('point', (f) =>
  f.activeBriques.flatMap((b) => {
    const months = pointMonths(f, b.cadence);
    const base = months === undefined ? undefined : runningSince(f, b.lastPointOn ?? b.startedOn);
    return base && months !== undefined ? [{ dueOn: addMonths(base, months), briqueCode: b.code }] : [];
  }),
);

export const measureEndDeadline = defineDeadline('measure-end', (f) => (f.stage === 'briques' && f.measure ? at(f.measure.endsOn) : []));

export const relaisConfirmationDeadline = defineDeadline('relais-confirmation', (f) =>
  f.stage === 'relais' && f.handedOffOn ? at(addDays(f.handedOffOn, RELAIS_CONFIRMATION_DAYS)) : [],
);

export const veilleVisitDeadline = defineDeadline('veille-visit', (f) =>
  f.stage === 'veille' && f.veille ? at(addMonths(f.veille.lastVisitOn ?? f.veille.startedOn, VEILLE_VISIT_MONTHS)) : [],
);

/** The programme's point cadences (per month, week, day, per party): one deadline per cadence (and brique it runs on). */
export const pointCadenceDeadline = defineDeadline('point-cadence', (f) => pointCadenceDueDates(scheduleFactsOf(f)));

/** The programme's milestones not recorded yet (e.g. the sliding lease slides within 12 months). */
export const milestoneDeadline = defineDeadline('milestone', (f) => milestoneDueDates(scheduleFactsOf(f)));

/** The contributors, in tie-break order. Add new kinds here (see the extension point above). */
export const DEADLINE_CONTRIBUTORS = [
  firstContactDeadline,
  diagnosticDeadline,
  validationDeadline,
  contractSignatureDeadline,
  bilanDeadline,
  pointDeadline,
  pointCadenceDeadline,
  milestoneDeadline,
  measureEndDeadline,
  relaisConfirmationDeadline,
  veilleVisitDeadline,
] as const;

export type DeadlineKind = (typeof DEADLINE_CONTRIBUTORS)[number]['kind'];
export const DEADLINE_KINDS: readonly DeadlineKind[] = DEADLINE_CONTRIBUTORS.map((c) => c.kind);

export interface Deadline {
  kind: DeadlineKind;
  dueOn: CalendarDate;
  /** The referent who owns it; null while none is assigned. */
  ownerId: string | null;
  /** For 'point': the brique it is due on; for a programme cadence bound to briques, the brique it runs on; null otherwise. */
  briqueCode: string | null;
  /** For 'point-cadence' and 'milestone': the cadence's or milestone's code in the programme; null otherwise. */
  code: string | null;
}

export const DEADLINE_STATUSES = ['upcoming', 'due-soon', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Decided when someone asks, against that Paris date (today, or an as-of date): deadlines are data, not timers. */
export function deadlineStatus(dueOn: CalendarDate, asOf: CalendarDate): DeadlineStatus {
  const days = daysBetween(asOf, dueOn);
  if (days < 0) return 'overdue';
  return days <= DUE_SOON_DAYS ? 'due-soon' : 'upcoming';
}

const ORDER = new Map<string, number>(DEADLINE_CONTRIBUTORS.map((c, i) => [c.kind, i]));

/** Due date, then contributor order, then brique code: the one order every reader lists deadlines in. */
export function compareDeadlines(a: Pick<Deadline, 'dueOn' | 'kind' | 'briqueCode'> & { code?: string | null }, b: Pick<Deadline, 'dueOn' | 'kind' | 'briqueCode'> & { code?: string | null }): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const byKind = (ORDER.get(a.kind) ?? 99) - (ORDER.get(b.kind) ?? 99);
  if (byKind !== 0) return byKind;
  const ab = `${a.briqueCode ?? ''}\u0000${a.code ?? ''}`;
  const bb = `${b.briqueCode ?? ''}\u0000${b.code ?? ''}`;
  return ab < bb ? -1 : ab > bb ? 1 : 0;
}

function collect(f: TrajectoryFacts, pick: (c: DeadlineContributor) => DueDate[]): Deadline[] {
  if (f.stage === 'closed') return [];
  return DEADLINE_CONTRIBUTORS.flatMap((c: DeadlineContributor<DeadlineKind>) =>
    pick(c).map((d) => ({ kind: c.kind, dueOn: d.dueOn, ownerId: f.referentId, briqueCode: d.briqueCode ?? null, code: d.code ?? null })),
  ).sort(compareDeadlines);
}

/** Every deadline the trajectory has now (at most one per kind and brique), in the one order. A closed trajectory has none. */
export function trajectoryDeadlines(f: TrajectoryFacts): Deadline[] {
  return collect(f, (c) => c.due(f));
}

/** The deadline that comes first (what the caseload shows), or undefined. */
export function nextDeadline(f: TrajectoryFacts): Deadline | undefined {
  return trajectoryDeadlines(f)[0];
}

/**
 * The measure's whole schedule ahead: what is due now and every later item already planned (each
 * bilan until the measure's end, the measure end, the veille visit).
 */
export function trajectorySchedule(f: TrajectoryFacts): Deadline[] {
  return collect(f, (c) => [...c.due(f), ...(c.ahead?.(f) ?? [])]);
}
