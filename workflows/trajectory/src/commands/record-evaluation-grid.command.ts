import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';
import { readRatings } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordEvaluationGridPayload {
  /** At least one rating on each of the five axes. */
  ratings: GridItemRating[];
  personal?: { comments?: GridComment[] };
}

export const recordEvaluationGrid: TrajectoryCommandSpec<'record-evaluation-grid'> = {
  produces: ['EvaluationGridRecorded'],
  read: (c) => compact({ ratings: readRatings(c), personal: c.personal() as RecordEvaluationGridPayload['personal'] }),
  decide: (p) => [event('EvaluationGridRecorded', compact({ ratings: p.ratings, personal: p.personal }))],
};
