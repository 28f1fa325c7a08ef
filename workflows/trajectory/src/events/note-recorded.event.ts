import type { NoteCategory } from '../vocabulary/trajectory-terms';

export const NOTE_RECORDED = 'NoteRecorded';

/** A note in the file. */
export interface NoteRecordedData {
  category: NoteCategory;
  personal?: { text?: string };
}
