import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';
import type { EndReason } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** The final evaluation, signed with the household. */
export interface FinalEvaluationRecordedData {
  ratings: GridItemRating[];
  objectives: { id: string; met: boolean }[];
  endReason: EndReason;
  householdSigned: boolean;
  personal?: { comments?: GridComment[]; summary?: string };
}

export const finalEvaluationRecordedEvent = defineEvent<FinalEvaluationRecordedData>()('FinalEvaluationRecorded');
