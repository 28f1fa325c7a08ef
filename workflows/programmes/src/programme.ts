import type { Delay } from '../../../libs/domain/src';
import type { OccupancyStatus, PointMode, PointParty } from '../../trajectory/src/vocabulary/trajectory-terms';

/** Stages in which a brique may run (domain.md §2: some support starts before the contract or the lease). */
export const BRIQUE_STAGES = ['diagnostic', 'contract', 'briques'] as const;
export type BriqueStage = (typeof BRIQUE_STAGES)[number];

/** The delays a programme sets, each in days, weeks or calendar months. */
export const PROGRAMME_DELAYS = ['firstContact', 'diagnostic', 'contractSignature'] as const;
export type ProgrammeDelay = (typeof PROGRAMME_DELAYS)[number];

/**
 * A point cadence (domain.md §3): at least `atLeast` points of the right kind in each period `per`,
 * counted from its anchor (the start of the brique it names, or the measure's start). Each is a deadline
 * kind of its own, owned by the referent.
 */
export interface PointCadence {
  /** Kebab-case, unique in the programme: the deadline's `cadence`. */
  code: string;
  title: string;
  /** Points needed in each period (default 1). */
  atLeast: number;
  per: Delay;
  /** The periods start this long after the anchor ("once the first weeks in the dwelling are past"); earlier points do not count. */
  startsAfter?: Delay;
  /** Only while one of these briques is active, counting points on it; otherwise during the measure, on any brique. */
  briques?: string[];
  /** Only points of these modes count. */
  modes?: PointMode[];
  /** Only points where all these parties were present count. */
  parties?: PointParty[];
}

/** Where a milestone's delay counts from. */
export type MilestoneAnchor = 'saisine' | 'first-contact' | 'measure-start' | { milestone: string };

/**
 * A named obligation (domain.md §5-6): due `dueAfter` its anchor, closed by `record-milestone`.
 * E.g. a sliding lease (bail glissant) slides to the household within 12 months of the lease.
 */
export interface Milestone {
  code: string;
  title: string;
  anchor: MilestoneAnchor;
  dueAfter: Delay;
  /** Only for contracts with one of these occupancy statuses. */
  occupancyStatuses?: OccupancyStatus[];
}

/** A programme (dispositif): how a measure is framed and paid (domain.md §5). */
export interface Programme {
  /** Stable code, kebab-case, e.g. 'asll-departement-x'. */
  code: string;
  title: string;
  /** Days from the saisine to the first contact (unless delays.firstContact says otherwise). */
  firstContactDays?: number;
  /** Days from the first contact to the diagnostic's conclusion (unless delays.diagnostic). */
  diagnosticDays?: number;
  /** Days from the diagnostic's conclusion to the contract's last signature (unless delays.contractSignature). */
  contractSignatureDays?: number;
  /** The same delays in days, weeks or calendar months; each one given here wins over its `...Days`. */
  delays?: Partial<Record<ProgrammeDelay, Delay>>;
  durationMonths: number;
  /** The longest contract a measure may have (default: durationMonths). */
  maxDurationMonths?: number;
  renewals: { count: number; months: number };
  bilanEveryMonths: number;
  pointEveryMonths: number;
  /** Brique codes a measure under this programme may start. */
  allowedBriques: string[];
  /** Stages in which a brique may run; a brique not named here runs in 'briques' only. */
  briqueStages?: Record<string, BriqueStage[]>;
  pointCadences?: PointCadence[];
  milestones?: Milestone[];
  /**
   * Money defaults (EUR). The money terms belong to the convention (POST /conventions): a convention
   * that omits prices, cap, shares or planned volumes copies these, and nothing reads them after that.
   */
  pricing?: Pricing;
  /** Default yearly cap, EUR per calendar year and convention. */
  yearlyCap?: number;
  plannedVolumes?: PlannedVolumes;
  /** Default shares; they sum to 1. */
  funderShares?: FunderShare[];
  /** How months of accompaniment are billed (default 'calendar-months', the AVDL month-measure). */
  monthBilling?: MonthBilling;
  /** Once a convention's yearly cap is reached: 'warn' (default, a visible warning) or 'refuse' new measures. */
  capPolicy?: CapPolicy;
  /** The programme's own categorical saisine fields (e.g. a landlord's orientation form), checked by receive-saisine. */
  saisineFields?: Record<string, SaisineField>;
  /** Months personal data is kept after closing (default 24). */
  retentionMonths: number;
  /** When set, a measure is validated by this validator before its contract is signed (domain.md §2). */
  validation?: ValidationSetting;
}

/** Who validates the measures of a programme, and within how many days of the submission. */
export interface ValidationSetting {
  /** The validator's id: a `validator:<id>` scope reaches its submissions. */
  validatorId: string;
  /** 'fsl-secretariat', 'commission', 'landlord', 'funder'. */
  validatorKind: ValidatorKind;
  /** An organisation, never a person: "Secrétariat du FSL du Rhône". */
  validatorName: string;
  /** Days from the submission to the validator's decision (the validation deadline). */
  days: number;
}

export const VALIDATOR_KINDS = ['fsl-secretariat', 'commission', 'landlord', 'funder'] as const;
export type ValidatorKind = (typeof VALIDATOR_KINDS)[number];

/**
 * - 'calendar-months': each calendar month with at least one active day is billed (a 6-month
 *   measure starting on the 20th bills 7 months);
 * - 'months-of-measure': each month of the measure counted from its start day (start + n months)
 *   with at least one active day is billed, in the calendar month it begins (6 months bill 6).
 */
export const MONTH_BILLINGS = ['calendar-months', 'months-of-measure'] as const;
export type MonthBilling = (typeof MONTH_BILLINGS)[number];

export const CAP_POLICIES = ['warn', 'refuse'] as const;
export type CapPolicy = (typeof CAP_POLICIES)[number];

/** One categorical saisine field: a closed list of codes (free text belongs in `personal`). */
export interface SaisineField {
  title: string;
  values: string[];
  /** Default false: a saisine may leave it out. */
  required?: boolean;
}

export interface Pricing {
  perDiagnostic?: number;
  perMonth?: number;
  /** Per measure, on one or more scales (barèmes) chosen by the difficulty of the case. */
  perMeasure?: { code: string; price: number }[];
  perDwellingYear?: number;
}

export interface PlannedVolumes {
  diagnostics?: number;
  measures?: number;
  monthMeasures?: number;
  dwellingYears?: number;
}

export interface FunderShare {
  funder: string;
  share: number;
}

/**
 * The part of a programme the trajectory's rules read. It is copied into the SaisineReceived
 * event, so a trajectory keeps the terms it opened under and replays the same even after the
 * programme's file is edited.
 */
export type ProgrammeTerms = Pick<
  Programme,
  | 'code'
  | 'firstContactDays'
  | 'diagnosticDays'
  | 'contractSignatureDays'
  | 'durationMonths'
  | 'renewals'
  | 'bilanEveryMonths'
  | 'pointEveryMonths'
  | 'allowedBriques'
  | 'validation'
  | 'delays'
  | 'maxDurationMonths'
  | 'briqueStages'
  | 'pointCadences'
  | 'milestones'
  | 'monthBilling'
  | 'capPolicy'
  | 'saisineFields'
>;

export function termsOf(programme: Programme): ProgrammeTerms {
  return {
    code: programme.code,
    ...(programme.firstContactDays !== undefined ? { firstContactDays: programme.firstContactDays } : {}),
    ...(programme.diagnosticDays !== undefined ? { diagnosticDays: programme.diagnosticDays } : {}),
    ...(programme.contractSignatureDays !== undefined ? { contractSignatureDays: programme.contractSignatureDays } : {}),
    durationMonths: programme.durationMonths,
    renewals: { count: programme.renewals.count, months: programme.renewals.months },
    bilanEveryMonths: programme.bilanEveryMonths,
    pointEveryMonths: programme.pointEveryMonths,
    allowedBriques: [...programme.allowedBriques],
    ...(programme.validation ? { validation: { ...programme.validation } } : {}),
    // Optional terms are copied only when set: a trajectory under a programme without them keeps the same event.
    ...(programme.delays ? { delays: structuredClone(programme.delays) } : {}),
    // Always written for a new trajectory: a contract is bounded by the programme (by default its duration).
    maxDurationMonths: maxContractMonths(programme),
    ...(programme.briqueStages ? { briqueStages: structuredClone(programme.briqueStages) } : {}),
    ...(programme.pointCadences ? { pointCadences: structuredClone(programme.pointCadences) } : {}),
    ...(programme.milestones ? { milestones: structuredClone(programme.milestones) } : {}),
    // Copied only when declared, so the terms of programmes without them read as before.
    ...(programme.monthBilling ? { monthBilling: programme.monthBilling } : {}),
    ...(programme.capPolicy ? { capPolicy: programme.capPolicy } : {}),
    ...(programme.saisineFields ? { saisineFields: structuredClone(programme.saisineFields) } : {}),
  };
}

/** The delay a programme's terms set for one step: its `delays` entry, or its days. */
export function delayOf(terms: Pick<Programme, 'delays' | 'firstContactDays' | 'diagnosticDays' | 'contractSignatureDays'>, step: ProgrammeDelay): Delay {
  // Validation guarantees one of the two is set.
  return terms.delays?.[step] ?? { days: terms[`${step}Days`] ?? 0 };
}

/** The stages in which a brique may run under these terms ('briques' only unless the programme says). */
export function stagesOfBrique(terms: Pick<Programme, 'briqueStages'> | undefined, code: string): readonly BriqueStage[] {
  return terms?.briqueStages?.[code] ?? ['briques'];
}

/** The longest contract these terms accept. */
export function maxContractMonths(terms: Pick<Programme, 'durationMonths' | 'maxDurationMonths'>): number {
  return terms.maxDurationMonths ?? terms.durationMonths;
}
