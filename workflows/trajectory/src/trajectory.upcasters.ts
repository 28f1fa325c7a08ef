import { UpcasterRegistry } from '../../engine/src';

/**
 * Old event shapes, lifted on read. The one entry is the pattern to follow: early NoteRecorded
 * events (schema 0, before the personal-data split) kept their text at data.text; schema 1 keeps
 * every free text under data.personal so it can be encrypted and erased.
 */
export function trajectoryUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry().register('NoteRecorded', 0, (data) => {
    const { text, category, ...rest } = data as { text?: string; category?: string };
    return { ...rest, category: category ?? 'note', ...(text !== undefined ? { personal: { text } } : {}) };
  });
}
