import type { PointMode } from '../vocabulary/trajectory-terms';

export interface RecordPointPayload {
  briqueCode: string;
  mode: PointMode;
  /** The short written summary a point needs (domain.md §3). */
  personal?: { summary?: string };
}
