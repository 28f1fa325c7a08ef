import type { BriqueCadence } from '../../briques/src';
import type { ProgrammeTerms } from '../../programmes/src';
import type { GridItemRating } from './vocabulary/evaluation-grid';
import type { HouseholdProfile, Motive, Prescriber } from './vocabulary/household';
import type { ValidatorKind } from '../../programmes/src';
import type { ValidationSubmission } from './events/measure-submitted.event';
import type { SharedContent } from './events/document-shared.event';
import type { Orientation, Partner } from './vocabulary/orientation';
import type { RejectionReason, SharedDocumentKind, ShareRecipientKind } from './vocabulary/partners';
import type {
  BriqueResult,
  ClosingKind,
  ContactMode,
  ContractParty,
  DiagnosticOutcome,
  DiagnosticStep,
  EndReason,
  Landlord,
  MeetingFrequency,
  OccupancyStatus,
  StepStatus,
  SuspensionReason,
} from './vocabulary/trajectory-terms';

/**
 * Everything the HTTP layer and projections need to know about a trajectory now, folded from its
 * events. Categorical only: personal data stays in the events (and their encryption later).
 * Dates are calendar dates 'YYYY-MM-DD' in Europe/Paris.
 */
export interface TrajectoryContext {
  workflowVersion: number;
  openedOn?: string;
  /** Terms captured at the saisine. */
  programme?: ProgrammeTerms;
  programmeCode?: string;
  conventionId?: string;
  /** The programme's categorical saisine fields, as received. */
  saisineFields?: Record<string, string>;
  householdId?: string;
  prescriber?: Prescriber;
  motives: Motive[];
  household?: HouseholdProfile;
  referentId?: string;
  /** 1, then 2 after a reopening from veille, ... */
  cycle: number;
  firstContact?: { on: string; mode: ContactMode };
  diagnostic: DiagnosticState;
  contract?: ContractState;
  measure?: MeasureState;
  /** Briques active now. */
  activeBriques: ActiveBrique[];
  completedBriques: CompletedBrique[];
  lastBilanOn?: string;
  bilansCount: number;
  suspendedSince?: string;
  suspensionReason?: SuspensionReason;
  /** Closed suspension periods of the current measure (month-measures are not billed while suspended). */
  suspensions: { from: string; to: string }[];
  evaluation?: { startedOn: string; final?: FinalEvaluation };
  /** The measure's validation, where the programme requires one (the latest submission). */
  validation?: ValidationState;
  /** Documents shared with partners, with the household's agreement (categorical content only). */
  shares?: SharedDocument[];
  relais?: { partner: Partner; partnerId?: string; handedOffOn: string; confirmedOn?: string };
  veille?: { startedOn: string; lastVisitOn?: string; visits: number };
  closing?: { kind: ClosingKind; on: string; endReason?: EndReason; orientation?: Orientation };
  notesCount: number;
  /** Programme milestones reached, by code (the date it was recorded); absent until the first. */
  milestones?: Record<string, string>;
}

export interface ValidationState {
  status: 'awaiting' | 'validated' | 'rejected';
  validatorId: string;
  validatorKind: ValidatorKind;
  submittedOn: string;
  /** 1 for the first submission, 2 after a rejection and a new submission, ... */
  submissions: number;
  submission: ValidationSubmission;
  decidedOn?: string;
  rejection?: { reason: RejectionReason; orientation: Orientation };
  /** When a coordinator recorded the decision on the validator's written decision. */
  writtenDecision?: { reference: string; decidedOn: string };
}

export interface SharedDocument {
  on: string;
  document: SharedDocumentKind;
  recipient: { kind: ShareRecipientKind; id: string; name: string };
  householdAgreedOn: string;
  freeTextAgreed: boolean;
  content: SharedContent;
}

export interface DiagnosticState {
  startedOn?: string;
  steps: Partial<Record<DiagnosticStep, StepStatus>>;
  grid?: { recordedOn: string; ratings: GridItemRating[] };
  concluded?: { on: string; outcome: DiagnosticOutcome; householdSigned: boolean };
}

export interface ContractState {
  draftedOn: string;
  measureType: string;
  briques: string[];
  durationMonths: number;
  bilanEveryMonths: number;
  meetingFrequency: MeetingFrequency;
  occupancyStatus: OccupancyStatus;
  landlord?: Landlord;
  conventionId: string;
  /** The barème the measure is priced on (draft-contract or choose-scale); absent: the convention's first. */
  scale?: string;
  objectives: { id: string }[];
  requiredParties: ContractParty[];
  signatures: Partial<Record<ContractParty, string>>;
}

export interface MeasureState {
  startsOn: string;
  endsOn: string;
  measureType: string;
  renewalsUsed: number;
}

export interface ActiveBrique {
  code: string;
  group: string;
  cadence: BriqueCadence;
  startedOn: string;
  lastPointOn?: string;
  points: number;
}

export interface CompletedBrique {
  code: string;
  startedOn: string;
  completedOn: string;
  result: BriqueResult;
  points: number;
}

export interface FinalEvaluation {
  on: string;
  ratings: GridItemRating[];
  objectives: { id: string; met: boolean }[];
  endReason: EndReason;
  householdSigned: boolean;
}

export function initialTrajectoryContext(workflowVersion: number): TrajectoryContext {
  return {
    workflowVersion,
    motives: [],
    cycle: 1,
    diagnostic: { steps: {} },
    activeBriques: [],
    completedBriques: [],
    bilansCount: 0,
    suspensions: [],
    notesCount: 0,
  };
}
