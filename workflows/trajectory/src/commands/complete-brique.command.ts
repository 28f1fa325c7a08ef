import type { BriqueResult } from '../vocabulary/trajectory-terms';

export interface CompleteBriquePayload {
  briqueCode: string;
  result: BriqueResult;
  personal?: { comment?: string };
}
