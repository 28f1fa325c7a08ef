import { BRIQUE_RESULTS, type BriqueResult } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface CompleteBriquePayload {
  briqueCode: string;
  result: BriqueResult;
  personal?: { comment?: string };
}

export const completeBrique: TrajectoryCommandSpec<'complete-brique'> = {
  produces: ['BriqueCompleted'],
  read: (c) => compact({ briqueCode: c.str('briqueCode', { max: 60 })!, result: c.oneOf('result', BRIQUE_RESULTS)!, personal: c.personal() }),
  decide: (p) => [event('BriqueCompleted', compact({ briqueCode: p.briqueCode, result: p.result, personal: p.personal }))],
};
