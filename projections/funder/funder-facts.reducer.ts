import type { CalendarDate } from '../../libs/domain/src';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import type { TrajectoryEventDataMap } from '../../workflows/trajectory/src/events';
import { businessDate } from '../core/event-date';
import { measureActivityAfter, startMeasureActivity, type ActivePeriod } from './month-measures.calculator';
import type { MonthBilling } from '../../workflows/programmes/src';

/** Axis -> rating; the worst rating of an axis' items when several were rated. */
export type GridSummary = Record<string, 'acquired' | 'in-progress' | 'needs-support'>;

export interface DiagnosticFacts {
  startedOn: CalendarDate;
  concludedOn: CalendarDate | null;
  outcome: string | null;
}

export interface MeasureFacts {
  startsOn: CalendarDate;
  measureType: string;
  /** Scale (barème) when the contract names one; pricing falls back to the convention's first scale. */
  scale: string | null;
  /** First day it no longer was in briques (evaluation, closing); null while it is. */
  leftOn: CalendarDate | null;
  /** Days in briques and not suspended: what month-measures count. */
  periods: ActivePeriod[];
}

/**
 * What the funder figures need about one trajectory. Categorical facts and dates only: no name
 * (not even the prescriber's or a partner's organisation), no free text, never data.personal.
 */
export interface FunderFacts {
  version: number;
  householdId: string;
  programmeCode: string;
  saisineOn: CalendarDate;
  saisineConventionId: string | null;
  contractConventionId: string | null;
  /** How the programme bills months (copied at the saisine; absent: calendar months). */
  monthBilling?: MonthBilling;
  /** The programme's categorical saisine fields as received (absent: none). */
  saisineFields?: Record<string, string>;
  /** The barème chosen for the next or current measure (draft-contract, choose-scale); null: the convention's first. */
  scale?: string | null;
  prescriberKind: string;
  motives: string[];
  profile: { composition: string; childrenCount: number; ageBand: string; gender: string; resources: string };
  diagnostics: DiagnosticFacts[];
  measures: MeasureFacts[];
  /** Brique code -> first start date. */
  briques: Record<string, CalendarDate>;
  gridAtDiagnostic: GridSummary | null;
  gridAtFinal: GridSummary | null;
  finalEvaluationOn: CalendarDate | null;
  /** End reason of the final evaluation or the closing; for closings without one, how it ended. */
  endReason: string | null;
  closedOn: CalendarDate | null;
}

type Data<K extends keyof TrajectoryEventDataMap> = TrajectoryEventDataMap[K];

const SEVERITY = { acquired: 0, 'in-progress': 1, 'needs-support': 2 } as const;

function summarise(ratings: readonly { axis: string; rating: keyof typeof SEVERITY }[]): GridSummary {
  const out: GridSummary = {};
  for (const r of ratings) {
    const prev = out[r.axis];
    if (!prev || SEVERITY[r.rating] > SEVERITY[prev]) out[r.axis] = r.rating;
  }
  return out;
}

function lastMeasure(f: FunderFacts, update: (m: MeasureFacts) => MeasureFacts): FunderFacts {
  if (f.measures.length === 0) return f;
  const measures = [...f.measures];
  measures[measures.length - 1] = update(measures[measures.length - 1]);
  return { ...f, measures };
}

/** The current measure's activity after an event: the workflow's one definition (measureActivityAfter). */
function activity(f: FunderFacts, type: string, on: CalendarDate): FunderFacts {
  return lastMeasure(f, (m) => {
    const next = measureActivityAfter({ startsOn: m.startsOn, periods: m.periods, leftOn: m.leftOn }, type, on);
    return { ...m, periods: next.periods, leftOn: next.leftOn };
  });
}

function close(f: FunderFacts, type: string, on: CalendarDate, endReason: string | null): FunderFacts {
  const left = activity(f, type, on);
  return { ...left, closedOn: on, endReason: endReason ?? left.endReason };
}

function conclude(f: FunderFacts, on: CalendarDate, outcome: string): FunderFacts {
  const diagnostics = [...f.diagnostics];
  const last = diagnostics[diagnostics.length - 1];
  if (last && last.concludedOn === null) diagnostics[diagnostics.length - 1] = { ...last, concludedOn: on, outcome };
  return { ...f, diagnostics };
}

export function evolveFunderFacts(facts: FunderFacts | undefined, event: RecordedEvent): FunderFacts | undefined {
  const on = businessDate(event);
  if (!facts) {
    if (event.type !== 'SaisineReceived') return undefined;
    const d = event.data as Data<'SaisineReceived'>;
    return {
      version: event.version,
      householdId: d.householdId,
      programmeCode: d.programme.code,
      saisineOn: on,
      saisineConventionId: d.conventionId ?? null,
      contractConventionId: null,
      ...(d.programme.monthBilling ? { monthBilling: d.programme.monthBilling } : {}),
      ...(d.fields ? { saisineFields: { ...d.fields } } : {}),
      prescriberKind: d.prescriber.kind,
      motives: [...d.motives],
      profile: {
        composition: d.household.composition,
        childrenCount: d.household.childrenCount,
        ageBand: d.household.ageBand,
        gender: d.household.referenceGender,
        resources: d.household.mainResources,
      },
      diagnostics: [],
      measures: [],
      briques: {},
      gridAtDiagnostic: null,
      gridAtFinal: null,
      finalEvaluationOn: null,
      endReason: null,
      closedOn: null,
    };
  }
  const f: FunderFacts = { ...facts, version: event.version };
  switch (event.type) {
    case 'FirstContactRecorded':
    case 'TrajectoryReopened':
      return { ...f, diagnostics: [...f.diagnostics, { startedOn: on, concludedOn: null, outcome: null }] };
    case 'EvaluationGridRecorded':
      return { ...f, gridAtDiagnostic: summarise((event.data as Data<'EvaluationGridRecorded'>).ratings) };
    case 'DiagnosticConcluded': {
      const outcome = (event.data as Data<'DiagnosticConcluded'>).outcome;
      const concluded = conclude(f, on, outcome);
      return outcome === 'autonomous' ? close(concluded, event.type, on, 'autonomous') : concluded;
    }
    case 'ContractDrafted': {
      const d = event.data as Data<'ContractDrafted'>;
      return { ...f, contractConventionId: d.conventionId ?? f.contractConventionId, scale: d.scale ?? null };
    }
    case 'MeasureScaleChosen': {
      const scale = (event.data as Data<'MeasureScaleChosen'>).scale;
      // Chosen after the measure started: it prices that measure; before, the one the contract starts.
      const chosen = f.measures.length > 0 && f.measures[f.measures.length - 1].leftOn === null ? lastMeasure(f, (m) => ({ ...m, scale })) : f;
      return { ...chosen, scale };
    }
    case 'MeasureStarted': {
      const d = event.data as Data<'MeasureStarted'>;
      const measure: MeasureFacts = { ...startMeasureActivity(d.startsOn), measureType: d.measureType, scale: f.scale ?? null };
      return { ...f, contractConventionId: d.conventionId ?? f.contractConventionId, measures: [...f.measures, measure] };
    }
    case 'BriqueStarted': {
      const code = (event.data as Data<'BriqueStarted'>).code;
      return code in f.briques ? f : { ...f, briques: { ...f.briques, [code]: on } };
    }
    case 'MeasureSuspended':
    case 'MeasureResumed':
    case 'MeasureRenewed':
    case 'EvaluationStarted':
      return activity(f, event.type, on);
    case 'FinalEvaluationRecorded': {
      const d = event.data as Data<'FinalEvaluationRecorded'>;
      return { ...f, gridAtFinal: summarise(d.ratings), finalEvaluationOn: on, endReason: d.endReason };
    }
    case 'HandedOff':
    case 'VeilleStarted':
      return activity(f, event.type, on);
    case 'TrajectoryClosed':
      return close(f, event.type, on, (event.data as Data<'TrajectoryClosed'>).endReason);
    case 'VeilleEnded':
      return close(f, event.type, on, (event.data as Data<'VeilleEnded'>).endReason);
    case 'RelaisConfirmed':
      return close(f, event.type, on, f.endReason ?? 'relais');
    case 'SaisineReoriented':
      return close(f, event.type, on, 'reoriented');
    case 'SaisineDeclined':
    case 'ContractDeclined':
      return close(f, event.type, on, 'declined');
    case 'TrajectoryWithdrawn':
      return close(f, event.type, on, 'withdrawn');
    default:
      return f;
  }
}
