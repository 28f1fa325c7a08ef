import { defineEvent } from './event-definition';

/** An intermediate review of the measure. */
export interface BilanRecordedData {
  /** 1 for the first bilan of the measure. */
  number: number;
  personal?: { summary?: string };
}

export const bilanRecordedEvent = defineEvent<BilanRecordedData>()('BilanRecorded');
