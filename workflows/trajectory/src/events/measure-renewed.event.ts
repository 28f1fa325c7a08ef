export const MEASURE_RENEWED = 'MeasureRenewed';

/** The measure was extended. */
export interface MeasureRenewedData {
  /** 1 for the first renewal. */
  renewalNumber: number;
  months: number;
  previousEndsOn: string;
  endsOn: string;
  personal?: { justification?: string };
}
