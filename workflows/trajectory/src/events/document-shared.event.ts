import type { GridAxis, GridRating } from '../vocabulary/evaluation-grid';
import type { ProgressState, RentSituation, SharedDocumentKind, ShareRecipientKind } from '../vocabulary/partners';
import { defineEvent } from './event-definition';

/** What a partner may read of a shared document: categorical only. */
export interface SharedContent {
  /** Axis-level ratings of the grid. */
  ratings?: { axis: GridAxis; rating: GridRating }[];
  /** Brique codes recommended or running. */
  briques?: string[];
  rentSituation?: RentSituation;
  progress?: ProgressState;
}

/**
 * A document was shared with a named partner, after the household agreed to its content
 * (domain.md §8). Its free text travels in `personal` and is shown to the partner only when the
 * household agreed to that too.
 */
export interface DocumentSharedData {
  document: SharedDocumentKind;
  recipient: { kind: ShareRecipientKind; id: string; name: string };
  /** The date the household agreed to the content being shared. */
  householdAgreedOn: string;
  /** Whether the household agreed to the free text being shared as well. */
  freeTextAgreed: boolean;
  content: SharedContent;
  personal?: { text?: string };
}

export const documentSharedEvent = defineEvent<DocumentSharedData>()('DocumentShared');
