/** Categorical vocabulary of the stages after the saisine (domain.md §2). */

export const CONTACT_MODES = ['tripartite-meeting', 'letter', 'home-visit', 'office', 'phone'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const DIAGNOSTIC_STEPS = ['1.1', '1.2', '1.3', '1.4', '1.5'] as const;
export type DiagnosticStep = (typeof DIAGNOSTIC_STEPS)[number];

export const STEP_STATUSES = ['done', 'skipped-already-done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const DIAGNOSTIC_OUTCOMES = ['autonomous', 'orient-existing', 'propose-accompaniment'] as const;
export type DiagnosticOutcome = (typeof DIAGNOSTIC_OUTCOMES)[number];

export const OCCUPANCY_STATUSES = ['direct-lease', 'sublease', 'sliding-lease', 'temporary', 'resident', 'none'] as const;
export type OccupancyStatus = (typeof OCCUPANCY_STATUSES)[number];

export const MEETING_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'quarterly', 'as-needed'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

export const CONTRACT_PARTIES = ['household', 'referent', 'landlord'] as const;
export type ContractParty = (typeof CONTRACT_PARTIES)[number];

/** The landlord is an organisation; its contact person goes to `personal`. */
export interface Landlord {
  name: string;
  id?: string;
}

export const POINT_MODES = ['monthly-point', 'home-visit', 'office-meeting', 'phone', 'collective-session', 'tripartite-meeting', 'synthesis-meeting'] as const;
export type PointMode = (typeof POINT_MODES)[number];

/**
 * Who was present at a point (domain.md §2): categorical, never a person's name (names and what was
 * said go to `personal`). A tripartite meeting is household + referent + landlord or partner; a
 * synthesis meeting gathers the partners around the case.
 */
export const POINT_PARTIES = ['household', 'referent', 'landlord', 'prescriber', 'partner'] as const;
export type PointParty = (typeof POINT_PARTIES)[number];

export const BRIQUE_RESULTS = ['achieved', 'partly', 'not-achieved'] as const;
export type BriqueResult = (typeof BRIQUE_RESULTS)[number];

export const SUSPENSION_REASONS = ['hospital', 'prison', 'unreachable', 'other'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const END_REASONS = [
  'housed',
  'maintained',
  'autonomous',
  'abandoned',
  'situation-changed',
  'moved-away',
  'unreachable',
  'deceased',
  'other',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * Closings that need no orientation. domain.md §8 names "autonomous" and "housed"; "maintained in
 * the dwelling" is a household housed in its own home, and orienting a deceased person is
 * meaningless. Every other closing must say where the household was sent.
 */
export const END_REASONS_WITHOUT_ORIENTATION: readonly EndReason[] = ['autonomous', 'housed', 'maintained', 'deceased'];

export const VEILLE_VISIT_MODES = ['home-visit', 'office', 'phone'] as const;
export type VeilleVisitMode = (typeof VEILLE_VISIT_MODES)[number];

export const NOTE_CATEGORIES = ['note', 'incident', 'consent', 'refusal', 'contact-attempt'] as const;
export type NoteCategory = (typeof NOTE_CATEGORIES)[number];

export const STAGES = ['new', 'saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

/** How a trajectory ended, for projections and the closing deadline logic. */
export const CLOSING_KINDS = ['diagnostic-autonomous', 'reoriented', 'declined', 'withdrawn', 'relais-confirmed', 'veille-ended', 'closed'] as const;
export type ClosingKind = (typeof CLOSING_KINDS)[number];
