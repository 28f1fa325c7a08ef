import { defineEvent } from './event-definition';

/**
 * A programme milestone (e.g. the sliding lease slid to the household) was reached on this date:
 * it closes the milestone's deadline. `code` is one of the milestones in the trajectory's terms.
 */
export interface MilestoneRecordedData {
  code: string;
  personal?: { note?: string };
}

export const milestoneRecordedEvent = defineEvent<MilestoneRecordedData>()('MilestoneRecorded');
