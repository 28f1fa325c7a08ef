import type { CalendarDate } from '../../libs/domain/src';
import type { ProgrammeTerms } from '../../workflows/programmes/src';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import type { TrajectoryEventDataMap } from '../../workflows/trajectory/src/events';
import { businessDate } from './event-date';

export const TRAJECTORY_STAGES = ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed'] as const;
export type TrajectoryStage = (typeof TRAJECTORY_STAGES)[number];

export interface ActiveBriqueFacts {
  code: string;
  cadence: 'once' | 'monthly' | 'yearly';
  startedOn: CalendarDate;
  lastPointOn: CalendarDate | null;
}

/**
 * What the caseload and the deadlines need to know about one trajectory, folded from its events.
 * Categorical only: no field of data.personal is ever read. The programme's delays come from the
 * terms copied into SaisineReceived, so a rebuild gives the same due dates after a programme file
 * is edited, exactly as the workflow's rules do.
 */
export interface TrajectoryFacts {
  version: number;
  stage: TrajectoryStage;
  stageSince: CalendarDate;
  openedOn: CalendarDate;
  programmeCode: string;
  /** The delays as the programme wrote them (read with delayOf: `delays` in days, weeks or months, or `...Days`; rows from before `delays` have only the days). */
  terms: Pick<ProgrammeTerms, 'firstContactDays' | 'diagnosticDays' | 'contractSignatureDays' | 'delays'> & { bilanEveryMonths: number; pointEveryMonths: number };
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
  lastBilanOn: CalendarDate | null;
  activeBriques: ActiveBriqueFacts[];
  handedOffOn: CalendarDate | null;
  veille: { startedOn: CalendarDate; lastVisitOn: CalendarDate | null } | null;
}

type Data<K extends keyof TrajectoryEventDataMap> = TrajectoryEventDataMap[K];

function moveTo(f: TrajectoryFacts, stage: TrajectoryStage, on: CalendarDate): TrajectoryFacts {
  return f.stage === stage ? f : { ...f, stage, stageSince: on };
}

/** What a saisine starts without and a reopening goes back to: a new diagnostic, nothing after it. */
function noAccompanimentYet(): Pick<
  TrajectoryFacts,
  'diagnosticConcludedOn' | 'contractBilanEveryMonths' | 'measure' | 'suspendedSince' | 'lastResumedOn' | 'lastBilanOn' | 'activeBriques' | 'handedOffOn' | 'veille'
> {
  return { diagnosticConcludedOn: null, contractBilanEveryMonths: null, measure: null, suspendedSince: null, lastResumedOn: null, lastBilanOn: null, activeBriques: [], handedOffOn: null, veille: null };
}

function closeMeasure(f: TrajectoryFacts): TrajectoryFacts {
  return { ...f, suspendedSince: null };
}

/** Pure fold of one trajectory event. Unknown event types leave the facts unchanged. */
export function evolveTrajectoryFacts(facts: TrajectoryFacts | undefined, event: RecordedEvent): TrajectoryFacts | undefined {
  const on = businessDate(event);
  if (!facts) {
    if (event.type !== 'SaisineReceived') return undefined;
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
        bilanEveryMonths: d.programme.bilanEveryMonths,
        pointEveryMonths: d.programme.pointEveryMonths,
      },
      conventionId: d.conventionId ?? null,
      prescriber: { kind: d.prescriber.kind, name: d.prescriber.name, id: d.prescriber.id ?? null },
      referentId: null,
      diagnosticStartedOn: null,
      ...noAccompanimentYet(),
    };
  }
  const f: TrajectoryFacts = { ...facts, version: event.version };
  switch (event.type) {
    case 'ReferentAssigned':
      return { ...f, referentId: (event.data as Data<'ReferentAssigned'>).referentId };
    case 'ReferentChanged':
      return { ...f, referentId: (event.data as Data<'ReferentChanged'>).referentId };
    case 'FirstContactRecorded':
      return { ...moveTo(f, 'diagnostic', on), diagnosticStartedOn: on };
    case 'SaisineReoriented':
    case 'SaisineDeclined':
    case 'ContractDeclined':
    case 'RelaisConfirmed':
    case 'VeilleEnded':
    case 'TrajectoryClosed':
    case 'TrajectoryWithdrawn':
      return { ...moveTo(closeMeasure(f), 'closed', on), activeBriques: [] };
    case 'DiagnosticConcluded': {
      const outcome = (event.data as Data<'DiagnosticConcluded'>).outcome;
      const concluded = { ...f, diagnosticConcludedOn: on };
      if (outcome === 'autonomous') return moveTo(concluded, 'closed', on);
      if (outcome === 'orient-existing') return { ...moveTo(concluded, 'relais', on), handedOffOn: on };
      return moveTo(concluded, 'contract', on);
    }
    case 'ContractDrafted': {
      const d = event.data as Data<'ContractDrafted'>;
      return { ...f, contractBilanEveryMonths: d.bilanEveryMonths, conventionId: d.conventionId ?? f.conventionId };
    }
    case 'MeasureStarted': {
      const d = event.data as Data<'MeasureStarted'>;
      return {
        ...moveTo(f, 'briques', d.startsOn),
        measure: { startsOn: d.startsOn, endsOn: d.endsOn },
        conventionId: d.conventionId ?? f.conventionId,
        suspendedSince: null,
        lastResumedOn: null,
        lastBilanOn: null,
        activeBriques: [],
      };
    }
    case 'BriqueStarted': {
      const d = event.data as Data<'BriqueStarted'>;
      const others = f.activeBriques.filter((b) => b.code !== d.code);
      return { ...f, activeBriques: [...others, { code: d.code, cadence: d.cadence, startedOn: on, lastPointOn: null }] };
    }
    case 'PointRecorded': {
      const code = (event.data as Data<'PointRecorded'>).briqueCode;
      return { ...f, activeBriques: f.activeBriques.map((b) => (b.code === code ? { ...b, lastPointOn: on } : b)) };
    }
    case 'BriqueCompleted': {
      const code = (event.data as Data<'BriqueCompleted'>).briqueCode;
      return { ...f, activeBriques: f.activeBriques.filter((b) => b.code !== code) };
    }
    case 'BilanRecorded':
      return { ...f, lastBilanOn: on };
    case 'MeasureSuspended':
      return { ...f, suspendedSince: on };
    case 'MeasureResumed':
      return { ...f, suspendedSince: null, lastResumedOn: on };
    case 'MeasureRenewed': {
      const d = event.data as Data<'MeasureRenewed'>;
      const measure = f.measure ? { ...f.measure, endsOn: d.endsOn } : f.measure;
      return { ...moveTo(f, 'briques', on), measure };
    }
    case 'EvaluationStarted':
      return moveTo(closeMeasure(f), 'evaluation', on);
    case 'HandedOff':
      return { ...moveTo(f, 'relais', on), handedOffOn: on, activeBriques: [] };
    case 'VeilleStarted':
      return { ...moveTo(f, 'veille', on), veille: { startedOn: on, lastVisitOn: null }, activeBriques: [] };
    case 'VeilleVisitRecorded':
      return f.veille ? { ...f, veille: { ...f.veille, lastVisitOn: on } } : f;
    case 'TrajectoryReopened':
      return {
        ...moveTo(f, 'diagnostic', on),
        diagnosticStartedOn: on,
        ...noAccompanimentYet(),
      };
    default:
      return f;
  }
}
