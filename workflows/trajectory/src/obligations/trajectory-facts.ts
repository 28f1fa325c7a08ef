import { maxDate, type CalendarDate } from '../../../../libs/domain/src';
import { occurredOn, type RecordedEvent } from '../../../engine/src';
import type { ProgrammeTerms } from '../../../programmes/src';
import type { TrajectoryEventDataMap } from '../events';
import type { CountedPoint } from './programme-schedule';
import { measureActivityAfter, startMeasureActivity, type MeasureActivity } from './month-measures';
import { stageAfterEvent, type TrajectoryStage } from './trajectory-stage';

export interface ActiveBriqueFacts {
  code: string;
  cadence: 'once' | 'monthly' | 'yearly';
  startedOn: CalendarDate;
  /** The latest business date of its points (a back-dated point never moves it back). */
  lastPointOn: CalendarDate | null;
}

/**
 * What a trajectory owes, as facts: everything its stage, deadlines and month-measures are computed
 * from, folded from its stored events by `evolveTrajectoryFacts`. The trajectory view folds its
 * stream with it and every read model folds `$all` with it, so they cannot disagree.
 * Categorical only: no field of data.personal is ever read. The programme's delays come from the
 * terms copied into SaisineReceived, so a rebuild gives the same due dates after a programme file
 * is edited, exactly as the workflow's rules do.
 *
 * Extension: a new deadline kind that needs a fact not here (a validation submitted, a programme
 * milestone) adds a field, its line in `evolveTrajectoryFacts`, and a contributor in deadlines.ts.
 * Read models that store these facts bump their projection version so they are rebuilt.
 */
export interface TrajectoryFacts {
  version: number;
  stage: TrajectoryStage;
  stageSince: CalendarDate;
  openedOn: CalendarDate;
  programmeCode: string;
  /** The delays as the programme wrote them (read with delayOf: `delays` in days, weeks or months, or `...Days`; rows from before `delays` have only the days). */
  terms: Pick<ProgrammeTerms, 'firstContactDays' | 'diagnosticDays' | 'contractSignatureDays' | 'delays' | 'pointCadences' | 'milestones'> & { bilanEveryMonths: number; pointEveryMonths: number };
  conventionId: string | null;
  prescriber: { kind: string; name: string; id: string | null };
  referentId: string | null;
  diagnosticStartedOn: CalendarDate | null;
  diagnosticConcludedOn: CalendarDate | null;
  contractBilanEveryMonths: number | null;
  measure: { startsOn: CalendarDate; endsOn: CalendarDate } | null;
  suspendedSince: CalendarDate | null;
  /** End of the current measure's last suspension: cadences count again from there. */
  lastResumedOn: CalendarDate | null;
  /** The latest business date of the current measure's bilans. */
  lastBilanOn: CalendarDate | null;
  activeBriques: ActiveBriqueFacts[];
  handedOffOn: CalendarDate | null;
  veille: { startedOn: CalendarDate; lastVisitOn: CalendarDate | null } | null;
  /** Every measure this trajectory ran (one per cycle at most), for its month-measures. */
  measures: MeasureActivity[];
  /** The contract's occupancy status (a milestone may apply to a sliding lease only). */
  occupancyStatus?: string | null;
  /** The points, kept only when the terms have point cadences (they count them). */
  points?: CountedPoint[];
  /** Programme milestones recorded, by code. */
  milestonesReached?: Record<string, CalendarDate>;
  /**
   * While a submission awaits the validator's decision: when it was submitted and within how many
   * days the programme expects the decision (its validation deadline). Absent otherwise.
   */
  validationAwaited?: { submittedOn: CalendarDate; days: number };
  /** The programme's validation delay, when its measures need a validation (days from the submission). */
  validationDays?: number;
}

/** The part of a stored event the fold reads. */
export type FactSourceEvent = Pick<RecordedEvent, 'type' | 'version' | 'data' | 'metadata'>;

type Data<K extends keyof TrajectoryEventDataMap> = TrajectoryEventDataMap[K];

/** What a saisine starts without and a reopening goes back to: a new diagnostic, nothing after it. */
function noAccompanimentYet(): Pick<
  TrajectoryFacts,
  'diagnosticConcludedOn' | 'contractBilanEveryMonths' | 'measure' | 'suspendedSince' | 'lastResumedOn' | 'lastBilanOn' | 'activeBriques' | 'handedOffOn' | 'veille'
> {
  return { diagnosticConcludedOn: null, contractBilanEveryMonths: null, measure: null, suspendedSince: null, lastResumedOn: null, lastBilanOn: null, activeBriques: [], handedOffOn: null, veille: null };
}

function latest(a: CalendarDate | null, b: CalendarDate): CalendarDate {
  return a ? maxDate(a, b) : b;
}

function withMeasures(f: TrajectoryFacts, type: string, on: CalendarDate): TrajectoryFacts {
  if (f.measures.length === 0) return f;
  const last = f.measures[f.measures.length - 1];
  const next = measureActivityAfter(last, type, on);
  return next === last ? f : { ...f, measures: [...f.measures.slice(0, -1), next] };
}

function opened(event: FactSourceEvent, on: CalendarDate): TrajectoryFacts {
  const d = event.data as Data<'SaisineReceived'>;
  return {
    version: event.version,
    stage: 'saisine',
    stageSince: on,
    openedOn: on,
    programmeCode: d.programme.code,
    terms: {
      ...(d.programme.firstContactDays !== undefined ? { firstContactDays: d.programme.firstContactDays } : {}),
      ...(d.programme.diagnosticDays !== undefined ? { diagnosticDays: d.programme.diagnosticDays } : {}),
      ...(d.programme.contractSignatureDays !== undefined ? { contractSignatureDays: d.programme.contractSignatureDays } : {}),
      ...(d.programme.delays ? { delays: d.programme.delays } : {}),
      ...(d.programme.pointCadences?.length ? { pointCadences: d.programme.pointCadences } : {}),
      ...(d.programme.milestones?.length ? { milestones: d.programme.milestones } : {}),
      bilanEveryMonths: d.programme.bilanEveryMonths,
      pointEveryMonths: d.programme.pointEveryMonths,
    },
    conventionId: d.conventionId ?? null,
    prescriber: { kind: d.prescriber.kind, name: d.prescriber.name, id: d.prescriber.id ?? null },
    ...(d.programme.validation ? { validationDays: d.programme.validation.days } : {}),
    referentId: null,
    diagnosticStartedOn: null,
    ...noAccompanimentYet(),
    measures: [],
  };
}

/** The validator decided (or a new diagnostic starts): nothing awaits its decision any more. */
function withoutAwaitedValidation(f: TrajectoryFacts): TrajectoryFacts {
  const { validationAwaited: _decided, ...rest } = f;
  return rest;
}

/** The facts an event changes, stage aside (see `evolveTrajectoryFacts`). */
function changed(f: TrajectoryFacts, event: FactSourceEvent, on: CalendarDate): TrajectoryFacts {
  switch (event.type) {
    case 'ReferentAssigned':
      return { ...f, referentId: (event.data as Data<'ReferentAssigned'>).referentId };
    case 'ReferentChanged':
      return { ...f, referentId: (event.data as Data<'ReferentChanged'>).referentId };
    case 'FirstContactRecorded':
      return { ...f, diagnosticStartedOn: on };
    case 'SaisineReoriented':
    case 'SaisineDeclined':
    case 'ContractDeclined':
    case 'RelaisConfirmed':
    case 'VeilleEnded':
    case 'TrajectoryClosed':
    case 'TrajectoryWithdrawn':
      return { ...f, suspendedSince: null, activeBriques: [] };
    case 'DiagnosticConcluded': {
      const outcome = (event.data as Data<'DiagnosticConcluded'>).outcome;
      return { ...f, diagnosticConcludedOn: on, ...(outcome === 'orient-existing' ? { handedOffOn: on } : {}) };
    }
    case 'ContractDrafted': {
      const d = event.data as Data<'ContractDrafted'>;
      return { ...f, contractBilanEveryMonths: d.bilanEveryMonths, conventionId: d.conventionId ?? f.conventionId, occupancyStatus: d.occupancyStatus };
    }
    case 'MeasureStarted': {
      const d = event.data as Data<'MeasureStarted'>;
      return {
        ...f,
        measure: { startsOn: d.startsOn, endsOn: d.endsOn },
        conventionId: d.conventionId ?? f.conventionId,
        suspendedSince: null,
        lastResumedOn: null,
        lastBilanOn: null,
        // Briques the programme let start before the contract keep running (and owing points).
        measures: [...f.measures, startMeasureActivity(d.startsOn)],
      };
    }
    case 'BriqueStarted': {
      const d = event.data as Data<'BriqueStarted'>;
      const others = f.activeBriques.filter((b) => b.code !== d.code);
      return { ...f, activeBriques: [...others, { code: d.code, cadence: d.cadence, startedOn: on, lastPointOn: null }] };
    }
    case 'PointRecorded': {
      const d = event.data as Data<'PointRecorded'>;
      const code = d.briqueCode;
      const counted = f.terms.pointCadences?.length ? { points: [...(f.points ?? []), { on, briqueCode: code, mode: d.mode, ...(d.parties ? { parties: d.parties } : {}) }] } : {};
      return { ...f, ...counted, activeBriques: f.activeBriques.map((b) => (b.code === code ? { ...b, lastPointOn: latest(b.lastPointOn, on) } : b)) };
    }
    case 'MilestoneRecorded':
      return { ...f, milestonesReached: { ...(f.milestonesReached ?? {}), [(event.data as Data<'MilestoneRecorded'>).code]: on } };
    case 'BriqueCompleted': {
      const code = (event.data as Data<'BriqueCompleted'>).briqueCode;
      return { ...f, activeBriques: f.activeBriques.filter((b) => b.code !== code) };
    }
    case 'BilanRecorded':
      return { ...f, lastBilanOn: latest(f.lastBilanOn, on) };
    case 'MeasureSuspended':
      return { ...f, suspendedSince: on };
    case 'MeasureResumed':
      return { ...f, suspendedSince: null, lastResumedOn: on };
    case 'MeasureRenewed': {
      const d = event.data as Data<'MeasureRenewed'>;
      return { ...f, measure: f.measure ? { ...f.measure, endsOn: d.endsOn } : f.measure };
    }
    case 'EvaluationStarted':
      return { ...f, suspendedSince: null };
    case 'HandedOff':
      return { ...f, handedOffOn: on, activeBriques: [] };
    case 'VeilleStarted':
      return { ...f, veille: { startedOn: on, lastVisitOn: null }, activeBriques: [] };
    case 'VeilleVisitRecorded':
      return f.veille ? { ...f, veille: { ...f.veille, lastVisitOn: latest(f.veille.lastVisitOn, on) } } : f;
    case 'TrajectoryReopened':
      return { ...withoutAwaitedValidation(f), diagnosticStartedOn: on, ...noAccompanimentYet() };
    case 'MeasureSubmittedForValidation':
      return f.validationDays ? { ...f, validationAwaited: { submittedOn: on, days: f.validationDays } } : f;
    case 'MeasureValidated':
    case 'MeasureRejected':
      return withoutAwaitedValidation(f);
    default:
      return f;
  }
}

/**
 * Pure fold of one stored trajectory event, by its business date (metadata.occurredAt, read in
 * Paris). Undefined until the SaisineReceived; unknown event types leave the facts unchanged.
 */
export function evolveTrajectoryFacts(facts: TrajectoryFacts | undefined, event: FactSourceEvent): TrajectoryFacts | undefined {
  const on = occurredOn(event);
  if (!facts) return event.type === 'SaisineReceived' ? opened(event, on) : undefined;
  const next = withMeasures(changed({ ...facts, version: event.version }, event, on), event.type, on);
  const stage = stageAfterEvent(next.stage, event.type, event.data) ?? next.stage;
  if (stage === next.stage) return next;
  const since = event.type === 'MeasureStarted' ? (event.data as Data<'MeasureStarted'>).startsOn : on;
  return { ...next, stage, stageSince: since };
}

/** The facts of a whole stream, in order. */
export function trajectoryFactsOf(events: readonly FactSourceEvent[]): TrajectoryFacts | undefined {
  return events.reduce<TrajectoryFacts | undefined>((f, e) => evolveTrajectoryFacts(f, e), undefined);
}
