import { NOTE_CATEGORIES, type NoteCategory } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordNotePayload {
  /** Default 'note'. */
  category?: NoteCategory;
  personal?: { text?: string };
}

export const recordNote: TrajectoryCommandSpec<'record-note'> = {
  produces: ['NoteRecorded'],
  read: (c) => compact({ category: c.oneOf('category', NOTE_CATEGORIES, { optional: true }), personal: c.personal() }),
  decide: (p) => [event('NoteRecorded', compact({ category: p.category ?? 'note', personal: p.personal }))],
};
