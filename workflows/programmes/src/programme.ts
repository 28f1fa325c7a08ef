/** A programme (dispositif): how a measure is framed and paid (domain.md §5). */
export interface Programme {
  /** Stable code, kebab-case, e.g. 'asll-departement-x'. */
  code: string;
  title: string;
  /** Days from the saisine to the first contact. */
  firstContactDays: number;
  /** Days from the first contact to the diagnostic's conclusion. */
  diagnosticDays: number;
  /** Days from the diagnostic's conclusion to the contract's last signature. */
  contractSignatureDays: number;
  durationMonths: number;
  renewals: { count: number; months: number };
  bilanEveryMonths: number;
  pointEveryMonths: number;
  /** Brique codes a measure under this programme may start. */
  allowedBriques: string[];
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
}

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
  | 'monthBilling'
  | 'capPolicy'
  | 'saisineFields'
>;

export function termsOf(programme: Programme): ProgrammeTerms {
  return {
    code: programme.code,
    firstContactDays: programme.firstContactDays,
    diagnosticDays: programme.diagnosticDays,
    contractSignatureDays: programme.contractSignatureDays,
    durationMonths: programme.durationMonths,
    renewals: { count: programme.renewals.count, months: programme.renewals.months },
    bilanEveryMonths: programme.bilanEveryMonths,
    pointEveryMonths: programme.pointEveryMonths,
    allowedBriques: [...programme.allowedBriques],
    // Copied only when declared, so the terms of programmes without them read as before.
    ...(programme.monthBilling ? { monthBilling: programme.monthBilling } : {}),
    ...(programme.capPolicy ? { capPolicy: programme.capPolicy } : {}),
    ...(programme.saisineFields ? { saisineFields: structuredClone(programme.saisineFields) } : {}),
  };
}
