import type { ContactMode } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** The referent met or reached the household for the first time: the diagnostic starts. */
export interface FirstContactRecordedData {
  mode: ContactMode;
  personal?: { summary?: string };
}

export const firstContactRecordedEvent = defineEvent<FirstContactRecordedData>()('FirstContactRecorded');
