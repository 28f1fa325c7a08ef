import type { BriqueResult } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** A brique ended with a result. */
export interface BriqueCompletedData {
  briqueCode: string;
  result: BriqueResult;
  personal?: { comment?: string };
}

export const briqueCompletedEvent = defineEvent<BriqueCompletedData>()('BriqueCompleted');
