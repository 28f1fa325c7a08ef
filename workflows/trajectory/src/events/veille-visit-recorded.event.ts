import type { VeilleVisitMode } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** The yearly veille visit. */
export interface VeilleVisitRecordedData {
  mode: VeilleVisitMode;
  personal?: { summary?: string };
}

export const veilleVisitRecordedEvent = defineEvent<VeilleVisitRecordedData>()('VeilleVisitRecorded');
