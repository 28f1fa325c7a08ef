import type { PointMode, PointParty } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/**
 * A point (meeting, visit, call, session) was held on an active brique.
 *
 * Schema 2 (issue 13) adds `parties`, who was present (categorical). Schema 1 points recorded no
 * parties: the upcaster lifts them unchanged (absent means "not recorded", never "nobody").
 */
export interface PointRecordedData {
  briqueCode: string;
  mode: PointMode;
  /** Who was present, in the vocabulary's order, each once; absent when not recorded. */
  parties?: PointParty[];
  personal?: { summary?: string };
}

export const pointRecordedEvent = defineEvent<PointRecordedData>()('PointRecorded');
