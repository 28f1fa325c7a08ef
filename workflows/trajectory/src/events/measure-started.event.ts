import { defineEvent } from './event-definition';

/** All required parties signed: the measure starts on the last signature's date. */
export interface MeasureStartedData {
  startsOn: string;
  endsOn: string;
  durationMonths: number;
  measureType: string;
  programmeCode: string;
  conventionId: string;
}

export const measureStartedEvent = defineEvent<MeasureStartedData>()('MeasureStarted');
