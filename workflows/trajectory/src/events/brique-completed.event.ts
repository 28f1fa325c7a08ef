import type { BriqueResult } from '../vocabulary/trajectory-terms';

export const BRIQUE_COMPLETED = 'BriqueCompleted';

/** A brique ended with a result. */
export interface BriqueCompletedData {
  briqueCode: string;
  result: BriqueResult;
  personal?: { comment?: string };
}
