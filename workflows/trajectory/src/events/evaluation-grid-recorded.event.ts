import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';
import { defineEvent } from './event-definition';

/** The shared evaluation grid was recorded at diagnostic. */
export interface EvaluationGridRecordedData {
  ratings: GridItemRating[];
  personal?: { comments?: GridComment[] };
}

export const evaluationGridRecordedEvent = defineEvent<EvaluationGridRecordedData>()('EvaluationGridRecorded');
