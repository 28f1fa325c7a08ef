import type { GridComment, GridItemRating } from '../vocabulary/evaluation-grid';
import { END_REASONS, type EndReason } from '../vocabulary/trajectory-terms';
import { readRatings } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordFinalEvaluationPayload {
  ratings: GridItemRating[];
  objectives: { id: string; met: boolean }[];
  endReason: EndReason;
  householdSigned: boolean;
  personal?: { comments?: GridComment[]; summary?: string };
}

export const recordFinalEvaluation: TrajectoryCommandSpec<'record-final-evaluation'> = {
  produces: ['FinalEvaluationRecorded'],
  read: (c) =>
    compact({
      ratings: readRatings(c),
      objectives: c.list('objectives', (o) => ({ id: o.str('id', { max: 60 })!, met: o.bool('met')! }))!,
      endReason: c.oneOf('endReason', END_REASONS)!,
      householdSigned: c.bool('householdSigned')!,
      personal: c.personal() as RecordFinalEvaluationPayload['personal'],
    }),
  decide: (p) =>
    [
      event(
        'FinalEvaluationRecorded',
        compact({ ratings: p.ratings, objectives: p.objectives, endReason: p.endReason, householdSigned: p.householdSigned, personal: p.personal }),
      ),
    ],
};
