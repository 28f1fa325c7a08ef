import { defineEvent } from './event-definition';

/** The measure resumed after a suspension. */
export interface MeasureResumedData {
  suspendedSince: string;
  /** Calendar days suspended. */
  days: number;
  personal?: { comment?: string };
}

export const measureResumedEvent = defineEvent<MeasureResumedData>()('MeasureResumed');
