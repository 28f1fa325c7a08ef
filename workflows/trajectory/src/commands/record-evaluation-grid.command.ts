import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';

export interface RecordEvaluationGridPayload {
  /** At least one rating on each of the five axes. */
  ratings: GridItemRating[];
  personal?: { comments?: GridComment[] };
}
