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
  pricing: Pricing;
  /** EUR per calendar year and convention. */
  yearlyCap: number;
  plannedVolumes?: PlannedVolumes;
  /** Shares sum to 1. */
  funderShares: FunderShare[];
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
    ...(programme.validation ? { validation: { ...programme.validation } } : {}),
  };
}
