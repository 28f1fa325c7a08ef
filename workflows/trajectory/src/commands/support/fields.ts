import { ACTOR_ID as ACTOR_ID_REGEX } from '../../../../../libs/domain/src';
import { s, type Bilingual, type FieldMeta, type NamedPattern, type Schema } from '../../../../engine/src';
import { GRID_AXES, GRID_RATINGS } from '../../vocabulary/evaluation-grid';
import { ORIENTATION_KINDS } from '../../vocabulary/orientation';

/**
 * The fields several commands share, each written once with its bounds and labels. Limits keep
 * one field from filling the 1 MiB body: short labels and names, free text.
 */
export const NAME_MAX = 200;
export const TEXT_MAX = 10_000;

const pattern = (regex: RegExp, en: string, fr: string): NamedPattern => ({ regex, message: { en, fr } });

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ACTOR_ID = pattern(ACTOR_ID_REGEX, 'must be 1-128 letters, digits or . _ @ : -', 'doit faire 1 à 128 lettres, chiffres ou . _ @ : -');
const PHONE = pattern(/^\+?[0-9][0-9 .()-]{5,24}$/, 'must be a phone number', 'doit être un numéro de téléphone');
const POSTAL_CODE = pattern(/^[0-9A-Za-z -]{2,10}$/, 'must be a postal code', 'doit être un code postal');
const OBJECTIVE_ID = pattern(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -', 'doit faire 1 à 64 lettres, chiffres, _ ou -');
const ITEM = pattern(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a kebab-case item code', 'doit être un code d’item en kebab-case');

/** A catalogue code (programme, brique, convention, measure type): what it names says the message. */
export function code(what: Bilingual, meta: FieldMeta): Schema<string, false> {
  return s.text({ maxLength: 64, pattern: pattern(CODE, `must be ${what.en}`, `doit être ${what.fr}`), ...meta });
}

export const briqueCode = (meta: FieldMeta = {}) =>
  code({ en: 'a brique code', fr: 'un code de brique' }, { label: { fr: 'Brique', en: 'Brique' }, description: 'A brique code from the catalogue.', example: '2.1', ...meta });

export const conventionId = (description: string) =>
  code({ en: 'a convention id', fr: 'un identifiant de convention' }, { label: { fr: 'Convention', en: 'Convention' }, description, example: 'conv-fsl-2026' });

export const conventionCode = (description: string) =>
  code({ en: 'a convention code', fr: 'un code de convention' }, { label: { fr: 'Code de la convention', en: 'Convention code' }, description, example: 'fsl-2026' });

export const actorId = (label: Bilingual) => s.text({ maxLength: 128, pattern: ACTOR_ID, label, description: 'The social worker’s actor id.', example: 'referent-cesf-12' });

/** An organisation's name (never a person's: those go to `personal`). */
export const orgName = (label: Bilingual, example: string, description?: string) => s.text({ maxLength: NAME_MAX, label, example, ...(description ? { description } : {}) });

export const shortText = (label: Bilingual, example: string) => s.text({ minLength: 0, maxLength: NAME_MAX, label, example });
export const longText = (label: Bilingual, example: string) => s.text({ minLength: 0, maxLength: TEXT_MAX, multiline: true, label, example });
export const phone = (example: string) => s.text({ maxLength: 26, pattern: PHONE, label: { fr: 'Téléphone', en: 'Phone' }, example });
export const email = (example: string) => s.text({ maxLength: 254, format: 'email', label: { fr: 'Courriel', en: 'Email' }, example });
export const postalCode = () => s.text({ maxLength: 10, pattern: POSTAL_CODE, label: { fr: 'Code postal', en: 'Postal code' }, example: '69100' });
export const objectiveId = () => s.text({ maxLength: 64, pattern: OBJECTIVE_ID, label: { fr: 'Objectif', en: 'Objective' }, example: 'obj-1' });

/** Where the household was sent: nobody is left without a solution. */
export const orientation = (meta: FieldMeta) =>
  s.object(
    {
      kind: s.oneOf(ORIENTATION_KINDS, { label: { fr: 'Type d’orientation', en: 'Kind of orientation' }, example: 'ccas' }),
      partnerName: s.optional(orgName({ fr: 'Partenaire', en: 'Partner' }, 'CCAS de Villeurbanne', 'An organisation, not a person.')),
    },
    { label: { fr: 'Orientation', en: 'Orientation' }, ...meta },
  );

const PERSONAL_NOTE = 'Personal data: encrypted at rest, erasable.';

/** Free text is personal data (domain.md §8): it travels in `personal`, which the store encrypts and can erase. */
export function personal<S extends Parameters<typeof s.object>[0]>(shape: S) {
  return s.optional(s.object(shape, { label: { fr: 'Données personnelles', en: 'Personal data' }, description: PERSONAL_NOTE }));
}

/** The one-text `personal` parts the commands use, by field name. */
export const personalText = {
  comment: () => personal({ comment: s.optional(longText({ fr: 'Commentaire', en: 'Comment' }, 'Spoke with the household by phone.')) }),
  summary: () => personal({ summary: s.optional(longText({ fr: 'Synthèse', en: 'Summary' }, 'Rent arrears of 3 months; the household wants to stay.')) }),
  handOverNote: () => personal({ handOverNote: s.optional(longText({ fr: 'Note de passation', en: 'Hand-over note' }, 'Weekly calls work best; the landlord is cooperative.')) }),
};

const gridItem = { fr: 'Item', en: 'Item' };
const gridAxis = () => s.oneOf(GRID_AXES, { label: { fr: 'Axe', en: 'Axis' }, example: 'savoir-louer' });

/** At least one rating on each of the five axes (the "every axis" check is the command's). */
export const ratings = () =>
  s.list(
    s.object({
      axis: gridAxis(),
      item: s.optional(s.text({ maxLength: 64, pattern: ITEM, label: gridItem, description: 'Item inside the axis; omit for an axis-level rating.', example: 'pays-rent-regularly' })),
      rating: s.oneOf(GRID_RATINGS, { label: { fr: 'Appréciation', en: 'Rating' }, example: 'in-progress' }),
    }),
    { minItems: 1, maxItems: 100, label: { fr: 'Grille d’évaluation', en: 'Evaluation grid' }, description: 'At least one rating on each of the five axes.' },
  );

export const gridComments = () =>
  s.optional(
    s.list(
      s.object({
        axis: gridAxis(),
        item: s.optional(s.text({ maxLength: 64, pattern: ITEM, label: gridItem, example: 'pays-rent-regularly' })),
        comment: s.text({ maxLength: TEXT_MAX, multiline: true, label: { fr: 'Commentaire', en: 'Comment' }, example: 'Pays the rent since the FSL grant; still fragile.' }),
      }),
      { maxItems: 100, label: { fr: 'Commentaires de la grille', en: 'Grid comments' } },
    ),
  );

/** The five axes with one rating each: a ready-made example for the grid commands. */
export const GRID_EXAMPLE = GRID_AXES.map((axis, i) => ({ axis, rating: GRID_RATINGS[i % 3] }));

/** Why a grid that skips an axis is refused, or undefined when every axis has a rating. */
export function missingAxesProblem(rated: readonly { axis: string }[], field = 'ratings'): { field: string; reason: string } | undefined {
  const missing = GRID_AXES.filter((axis) => !rated.some((r) => r.axis === axis));
  return missing.length ? { field, reason: `must rate every axis of the grid (missing: ${missing.join(', ')})` } : undefined;
}
