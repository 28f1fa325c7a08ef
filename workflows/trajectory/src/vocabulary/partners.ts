/**
 * Categorical vocabulary of the partners in the loop (domain.md §2, §8; issue 13): what a
 * validator is sent and answers, and what may be shared with a partner. Free text never lives
 * here: it goes to `personal`.
 */

/** How pressing the submitted measure is. */
export const VALIDATION_URGENCIES = ['standard', 'urgent'] as const;
export type ValidationUrgency = (typeof VALIDATION_URGENCIES)[number];

/** Why a validator accepts a measure (optional). */
export const VALIDATION_REASONS = ['criteria-met', 'priority-case', 'exceptional-derogation'] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

/** Why a validator rejects a measure: always with an orientation, nobody is left without a solution. */
export const REJECTION_REASONS = ['criteria-not-met', 'another-measure-fits', 'incomplete-file', 'out-of-territory', 'budget-exhausted', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The documents a referent may share with a partner once the household agreed to their content. */
export const SHARED_DOCUMENT_KINDS = ['diagnostic-recommendations', 'bilan', 'end-of-measure-summary'] as const;
export type SharedDocumentKind = (typeof SHARED_DOCUMENT_KINDS)[number];

/** Who receives a shared document: what is shared is adapted to who receives it. */
export const SHARE_RECIPIENT_KINDS = ['landlord', 'relais-partner', 'funder'] as const;
export type ShareRecipientKind = (typeof SHARE_RECIPIENT_KINDS)[number];

/** The tenancy as a landlord needs to read it. */
export const RENT_SITUATIONS = ['up-to-date', 'repayment-plan', 'arrears'] as const;
export type RentSituation = (typeof RENT_SITUATIONS)[number];

/** Where the accompaniment stands, in one word for the partner. */
export const PROGRESS_STATES = ['on-track', 'difficulties', 'goals-met', 'goals-partly-met', 'goals-not-met'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];
