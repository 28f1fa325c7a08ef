import { defineEvent } from './event-definition';

/**
 * The coordinator chose (or changed) the barème this measure is priced on, after the contract was
 * drafted; the funder figures price the measure on the last scale chosen.
 */
export interface MeasureScaleChosenData {
  /** A scale code of the trajectory's convention (`prices.perMeasure[].code`). */
  scale: string;
  conventionId: string;
}

export const measureScaleChosenEvent = defineEvent<MeasureScaleChosenData>()('MeasureScaleChosen');
