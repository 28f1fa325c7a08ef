import { s, type Infer } from '../../../engine/src';
import { noteRecordedEvent } from '../events/note-recorded.event';
import { NOTE_CATEGORIES } from '../vocabulary/trajectory-terms';
import { longText, personal } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordNote = defineCommand({
  name: 'record-note',
  summary: { en: 'Record a note', fr: 'Enregistrer une note' },
  description: {
    en: 'At any open stage: a note, an incident, a consent, a refusal or a contact attempt.',
    fr: 'À toute étape ouverte : une note, un incident, un consentement, un refus ou une tentative de contact.',
  },
  payload: s.object({
    category: s.optional(s.oneOf(NOTE_CATEGORIES, { label: { fr: 'Catégorie', en: 'Category' }, description: 'Default note.', example: 'note' })),
    personal: personal({ text: s.optional(longText({ fr: 'Texte', en: 'Text' }, 'The household asked for meetings on Tuesday mornings.')) }),
  }),
  example: { category: 'note', personal: { text: 'Le ménage préfère les rendez-vous le mardi matin.' } },
  produces: [noteRecordedEvent],
  decide: (p) => [event(noteRecordedEvent, compact({ category: p.category ?? 'note', personal: p.personal }))],
});

export type RecordNotePayload = Infer<typeof recordNote.payload>;
