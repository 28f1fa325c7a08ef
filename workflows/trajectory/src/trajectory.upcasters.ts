import { UpcasterRegistry } from '../../engine/src';

/**
 * Old event shapes, lifted on read. The first entry is the pattern to follow: early NoteRecorded
 * events (schema 0, before the personal-data split) kept their text at data.text; schema 1 keeps
 * every free text under data.personal so it can be encrypted and erased.
 *
 * An upcaster from schema N also says that new events of that type are written at N + 1 (the
 * engine asks `currentSchemaVersion`): PointRecorded is written at 2 since it carries `parties`.
 */
export function trajectoryUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry().register('NoteRecorded', 0, (data) => {
    const { text, category, ...rest } = data as { text?: string; category?: string };
    return { ...rest, category: category ?? 'note', ...(text !== undefined ? { personal: { text } } : {}) };
  })
    // Schema 1 points recorded no parties; schema 2 may. Absent stays absent: "not recorded", not "nobody".
    .register('PointRecorded', 1, (data) => data)
    // Schema 1 hand-offs named no partner account; schema 2 may (partnerId).
    .register('HandedOff', 1, (data) => data);
}
