import type { NoteCategory } from '../vocabulary/trajectory-terms';

export interface RecordNotePayload {
  /** Default 'note'. */
  category?: NoteCategory;
  personal?: { text?: string };
}
