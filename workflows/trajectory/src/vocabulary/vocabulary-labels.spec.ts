import { CONTACT_MODES, BRIQUE_RESULTS, CONTRACT_PARTIES, DIAGNOSTIC_OUTCOMES, END_REASONS, MEETING_FREQUENCIES, NOTE_CATEGORIES, OCCUPANCY_STATUSES, POINT_MODES, STEP_STATUSES, SUSPENSION_REASONS, VEILLE_VISIT_MODES } from './trajectory-terms';
import { AGE_BANDS, COMPOSITIONS, GENDERS, MOTIVES, PRESCRIBER_KINDS, RESOURCES_TYPES } from './household';
import { GRID_AXES, GRID_RATINGS } from './evaluation-grid';
import { ORIENTATION_KINDS } from './orientation';
import { VOCABULARY_LABELS_FR } from './vocabulary-labels.fr';

describe('French labels of the vocabulary', () => {
  it.each(
    Object.entries({
      PRESCRIBER_KINDS, MOTIVES, COMPOSITIONS, AGE_BANDS, GENDERS, RESOURCES_TYPES, CONTACT_MODES, STEP_STATUSES, DIAGNOSTIC_OUTCOMES,
      OCCUPANCY_STATUSES, MEETING_FREQUENCIES, CONTRACT_PARTIES, POINT_MODES, BRIQUE_RESULTS, SUSPENSION_REASONS, VEILLE_VISIT_MODES,
      NOTE_CATEGORIES, END_REASONS, GRID_AXES, GRID_RATINGS, ORIENTATION_KINDS,
    }),
  )('has a French word for every value of %s', (_name, values) => {
    const missing = (values as readonly string[]).filter((v) => !VOCABULARY_LABELS_FR[v]);
    expect(missing).toEqual([]);
  });
});
