import type { PointMode } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** A point (meeting, visit, call, session) was held on an active brique. */
export interface PointRecordedData {
  briqueCode: string;
  mode: PointMode;
  personal?: { summary?: string };
}

export const pointRecordedEvent = defineEvent<PointRecordedData>()('PointRecorded');
