export const MEASURE_RESUMED = 'MeasureResumed';

/** The measure resumed after a suspension. */
export interface MeasureResumedData {
  suspendedSince: string;
  /** Calendar days suspended. */
  days: number;
  personal?: { comment?: string };
}
