import type { VeilleVisitMode } from '../vocabulary/trajectory-terms';

export interface RecordVeilleVisitPayload {
  mode: VeilleVisitMode;
  personal?: { summary?: string };
}
