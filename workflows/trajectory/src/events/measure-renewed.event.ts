import { defineEvent } from './event-definition';

/** The measure was extended. */
export interface MeasureRenewedData {
  /** 1 for the first renewal. */
  renewalNumber: number;
  months: number;
  previousEndsOn: string;
  endsOn: string;
  personal?: { justification?: string };
}

export const measureRenewedEvent = defineEvent<MeasureRenewedData>()('MeasureRenewed');
