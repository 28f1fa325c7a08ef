import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';
import type { EndReason } from '../vocabulary/trajectory-terms';

export interface RecordFinalEvaluationPayload {
  ratings: GridItemRating[];
  objectives: { id: string; met: boolean }[];
  endReason: EndReason;
  householdSigned: boolean;
  personal?: { comments?: GridComment[]; summary?: string };
}
