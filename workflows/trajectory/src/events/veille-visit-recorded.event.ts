import type { VeilleVisitMode } from '../vocabulary/trajectory-terms';

export const VEILLE_VISIT_RECORDED = 'VeilleVisitRecorded';

/** The yearly veille visit. */
export interface VeilleVisitRecordedData {
  mode: VeilleVisitMode;
  personal?: { summary?: string };
}
