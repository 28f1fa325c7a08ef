import { addMonths } from '../../../../libs/domain/src';
import { termsOf } from '../../../programmes/src';
import type { TrajectoryEventDataMap, TrajectoryEventType } from '../events';
import type { TrajectoryContext } from '../trajectory-context';
import type { DiagnosticOutcome, EndReason, Stage } from '../vocabulary/trajectory-terms';
import type { GridItemRating } from '../vocabulary/evaluation-grid';
import { ASLL_TEST } from './test-installation';

/** An event as a spec states it: type, data and business date. */
export interface GivenEvent {
  type: TrajectoryEventType;
  data: unknown;
  occurredAt: string;
}

/** A given step may depend on what came before (e.g. a first contact names a referent if none is). */
export type GivenStep = GivenEvent | GivenEvent[] | ((state: { context: TrajectoryContext; lastDate: string; stage: string }) => GivenEvent[]);

type At = { on?: string };

function ev<K extends TrajectoryEventType>(type: K, data: TrajectoryEventDataMap[K], on?: string): GivenStep {
  return on ? { type, data, occurredAt: on } : ({ lastDate }) => [{ type, data, occurredAt: lastDate }];
}

export const FULL_GRID: GridItemRating[] = [
  { axis: 'pouvoir-louer', rating: 'acquired' },
  { axis: 'savoir-louer', rating: 'in-progress' },
  { axis: 'savoir-habiter', rating: 'in-progress' },
  { axis: 'savoir-s-adapter', rating: 'acquired' },
  { axis: 'besoin-accompagnement', rating: 'needs-support' },
];

export function saisineReceived(o: At & { programme?: typeof ASLL_TEST; conventionId?: string; workflowVersion?: number } = {}): GivenStep {
  const programme = o.programme ?? ASLL_TEST;
  return {
    type: 'SaisineReceived',
    occurredAt: o.on ?? '2026-01-02',
    data: {
      workflowVersion: o.workflowVersion ?? 1,
      programme: termsOf(programme),
      conventionId: o.conventionId ?? 'conv-2026',
      householdId: 'household-1',
      prescriber: { kind: 'landlord', name: 'Habitat 69' },
      motives: ['unpaid-rent'],
      household: { composition: 'single-parent', childrenCount: 2, ageBand: '35-44', referenceGender: 'female', mainResources: 'rsa' },
      personal: { household: { lastName: 'Martin', firstName: 'Aïcha', phone: '0600000000' } },
    },
  };
}

export const referentAssigned = (referentId = 'referent-1', on?: string): GivenStep => ev('ReferentAssigned', { referentId }, on);

/** First contact; names a referent first when none is assigned, as any real file would. */
export function firstContact(on?: string): GivenStep {
  return ({ context, lastDate }) => [
    ...(context.referentId ? [] : [{ type: 'ReferentAssigned' as const, data: { referentId: 'referent-1' }, occurredAt: on ?? lastDate }]),
    { type: 'FirstContactRecorded', data: { mode: 'home-visit' }, occurredAt: on ?? lastDate },
  ];
}

export const gridRecorded = (on?: string): GivenStep => ev('EvaluationGridRecorded', { ratings: FULL_GRID }, on);

export const diagnosticStep = (step: '1.1' | '1.2' | '1.3' | '1.4' | '1.5', on?: string): GivenStep => ev('DiagnosticStepRecorded', { step, status: 'done' }, on);

/** Concludes the diagnostic, signed; records the grid first when it is missing. */
export function diagnosticConcluded(outcome: DiagnosticOutcome = 'propose-accompaniment', o: At = {}): GivenStep {
  return ({ context, lastDate }) => {
    const on = o.on ?? lastDate;
    return [
      ...(context.diagnostic.grid ? [] : [{ type: 'EvaluationGridRecorded' as const, data: { ratings: FULL_GRID }, occurredAt: on }]),
      {
        type: 'DiagnosticConcluded',
        data: { outcome, householdSigned: true, ...(outcome === 'orient-existing' ? { relaisPartner: { kind: 'savs', partnerName: 'SAVS Est' } } : {}) },
        occurredAt: on,
      },
    ];
  };
}

export interface ContractOptions extends At {
  months?: number;
  landlord?: boolean;
  briques?: string[];
  objectives?: string[];
  conventionId?: string;
}

export function contractDrafted(o: ContractOptions = {}): GivenStep {
  return ev(
    'ContractDrafted',
    {
      measureType: 'ASLL',
      briques: o.briques ?? ['2.1', '2.5'],
      durationMonths: o.months ?? 6,
      bilanEveryMonths: 3,
      meetingFrequency: 'monthly',
      occupancyStatus: 'direct-lease',
      ...(o.landlord ? { landlord: { name: 'Habitat 69' } } : {}),
      conventionId: o.conventionId ?? 'conv-2026',
      objectives: (o.objectives ?? ['obj-1', 'obj-2']).map((id) => ({ id })),
    },
    o.on,
  );
}

export const contractSigned1 = (party: 'household' | 'referent' | 'landlord', on?: string): GivenStep => ev('ContractSigned', { party }, on);

/** Drafts (when needed) and signs the contract: the measure starts on `on`. */
export function contractSigned(o: ContractOptions = {}): GivenStep {
  return ({ context, lastDate }) => {
    const on = o.on ?? lastDate;
    const months = context.contract?.durationMonths ?? o.months ?? 6;
    const drafted = context.contract ? [] : (contractDrafted({ ...o, on }) as GivenEvent[] | GivenEvent);
    const landlord = context.contract ? context.contract.landlord !== undefined : o.landlord === true;
    const parties = landlord ? (['household', 'referent', 'landlord'] as const) : (['household', 'referent'] as const);
    return [
      ...(Array.isArray(drafted) ? drafted : [drafted]),
      ...parties.map((party) => ({ type: 'ContractSigned' as const, data: { party }, occurredAt: on })),
      {
        type: 'MeasureStarted',
        data: { startsOn: on, endsOn: addMonths(on, months), durationMonths: months, measureType: 'ASLL', programmeCode: context.programmeCode ?? 'asll-test', conventionId: 'conv-2026' },
        occurredAt: on,
      },
    ];
  };
}

export function briqueStarted(code = '2.1', on?: string): GivenStep {
  const cadence = code === '3.4' ? 'yearly' : ['2.7', '3.6'].includes(code) ? 'once' : 'monthly';
  return ev('BriqueStarted', { code, group: code.startsWith('3') ? 'GLA' : 'AVDL', cadence }, on);
}
export const pointRecorded = (briqueCode = '2.1', on?: string): GivenStep => ev('PointRecorded', { briqueCode, mode: 'home-visit', personal: { summary: 'Point du mois' } }, on);
export const briqueCompleted = (briqueCode = '2.1', on?: string): GivenStep => ev('BriqueCompleted', { briqueCode, result: 'achieved' }, on);
export function bilanRecorded(on?: string): GivenStep {
  return ({ context, lastDate }) => [{ type: 'BilanRecorded', data: { number: context.bilansCount + 1 }, occurredAt: on ?? lastDate }];
}
export const suspended = (on?: string): GivenStep => ev('MeasureSuspended', { reason: 'hospital' }, on);
export function resumed(on?: string): GivenStep {
  return ({ context, lastDate }) => [{ type: 'MeasureResumed', data: { suspendedSince: context.suspendedSince ?? lastDate, days: 0 }, occurredAt: on ?? lastDate }];
}
export function renewed(on?: string): GivenStep {
  return ({ context, lastDate }) => {
    const months = context.programme?.renewals.months ?? 6;
    const previousEndsOn = context.measure?.endsOn ?? lastDate;
    return [
      {
        type: 'MeasureRenewed',
        data: { renewalNumber: (context.measure?.renewalsUsed ?? 0) + 1, months, previousEndsOn, endsOn: addMonths(previousEndsOn, months) },
        occurredAt: on ?? lastDate,
      },
    ];
  };
}
export function evaluationStarted(on?: string): GivenStep {
  return ({ context, lastDate }) => [{ type: 'EvaluationStarted', data: { measureEndsOn: context.measure?.endsOn ?? lastDate }, occurredAt: on ?? lastDate }];
}
export function finalEvaluation(o: At & { endReason?: EndReason } = {}): GivenStep {
  return ({ context, lastDate }) => [
    {
      type: 'FinalEvaluationRecorded',
      data: { ratings: FULL_GRID, objectives: (context.contract?.objectives ?? []).map((x) => ({ id: x.id, met: true })), endReason: o.endReason ?? 'housed', householdSigned: true },
      occurredAt: o.on ?? lastDate,
    },
  ];
}
export const handedOff = (on?: string): GivenStep => ev('HandedOff', { partner: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' } }, on);
export function relaisConfirmed(on?: string): GivenStep {
  return ({ context, lastDate }) => [{ type: 'RelaisConfirmed', data: { partner: context.relais?.partner ?? { kind: 'ccas' } }, occurredAt: on ?? lastDate }];
}
export const veilleStarted = (on?: string): GivenStep => ev('VeilleStarted', {}, on);
export const veilleVisit = (on?: string): GivenStep => ev('VeilleVisitRecorded', { mode: 'home-visit' }, on);
export function reopened(on?: string): GivenStep {
  return ({ context, lastDate }) => [{ type: 'TrajectoryReopened', data: { cycle: context.cycle + 1 }, occurredAt: on ?? lastDate }];
}
export const noteRecorded = (on?: string): GivenStep => ev('NoteRecorded', { category: 'note', personal: { text: 'Appel du bailleur' } }, on);
export function withdrawn(on?: string): GivenStep {
  return ({ lastDate, stage }) => [{ type: 'TrajectoryWithdrawn', data: { fromStage: stage as Stage, orientation: { kind: 'ccas' } }, occurredAt: on ?? lastDate }];
}
export const reoriented = (on?: string): GivenStep => ev('SaisineReoriented', { orientation: { kind: 'siao' } }, on);

/** The proposed measure submitted to the programme's validator (ASLL_VALIDATED_TEST: fsl-69). */
export const submittedForValidation = (on?: string, o: { briques?: string[]; months?: number } = {}): GivenStep =>
  ev(
    'MeasureSubmittedForValidation',
    {
      validatorId: 'fsl-69',
      validatorKind: 'fsl-secretariat',
      submission: { measureType: 'ASLL', briques: o.briques ?? ['2.1', '2.5'], durationMonths: o.months ?? 6, summary: { axesNeedingSupport: ['savoir-louer'], occupancyStatus: 'direct-lease', urgency: 'standard' } },
    },
    on,
  );
export const measureValidated = (on?: string): GivenStep => ev('MeasureValidated', { validatorId: 'fsl-69', reason: 'criteria-met' }, on);
export const measureRejected = (on?: string): GivenStep => ev('MeasureRejected', { validatorId: 'fsl-69', reason: 'incomplete-file', orientation: { kind: 'fsl' } }, on);
