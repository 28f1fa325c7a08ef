import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';

export const EVALUATION_GRID_RECORDED = 'EvaluationGridRecorded';

/** The shared evaluation grid was recorded at diagnostic. */
export interface EvaluationGridRecordedData {
  ratings: GridItemRating[];
  personal?: { comments?: GridComment[] };
}
