import type { NoteCategory } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** A note in the file. */
export interface NoteRecordedData {
  category: NoteCategory;
  personal?: { text?: string };
}

export const noteRecordedEvent = defineEvent<NoteRecordedData>()('NoteRecorded');
