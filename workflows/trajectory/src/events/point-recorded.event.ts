import type { PointMode } from '../vocabulary/trajectory-terms';

export const POINT_RECORDED = 'PointRecorded';

/** A point (meeting, visit, call, session) was held on an active brique. */
export interface PointRecordedData {
  briqueCode: string;
  mode: PointMode;
  personal?: { summary?: string };
}
