import { BRIQUE_CADENCES, type BriqueDefinition, type BriqueFieldSpec } from './brique';

/** One problem of a brique descriptor read from JSON: where (a dotted path) and why, in English and French. */
export interface DescriptorProblem {
  path: string;
  reason: string;
  reasonFr: string;
}

export type DescriptorValidation = { ok: true; definition: BriqueDefinition } | { ok: false; problems: DescriptorProblem[] };

const CODE = /^[a-z0-9][a-z0-9.-]*$/i;
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const FIELDS = ['code', 'group', 'title', 'cadence', 'dataSchema'];
const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;
const FIELD_KEYS: Record<(typeof FIELD_TYPES)[number], string[]> = {
  string: ['type', 'required', 'maxLength'],
  number: ['type', 'required', 'min', 'max', 'integer'],
  boolean: ['type', 'required'],
  date: ['type', 'required'],
  enum: ['type', 'required', 'values'],
};

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Checks a brique type declared in JSON: the same descriptor as `defineBrique` (code, group, title,
 * cadence, dataSchema as field descriptors; a JSON file cannot carry a validator function). Pure: every
 * problem is listed with its path, in English and in French. Unknown keys are errors.
 */
export function validateBriqueDescriptor(raw: unknown): DescriptorValidation {
  const problems: DescriptorProblem[] = [];
  const fail = (path: string, reason: string, reasonFr: string) => problems.push({ path, reason, reasonFr });
  if (!isRecord(raw)) return { ok: false, problems: [{ path: '(root)', reason: 'must be a JSON object', reasonFr: 'doit être un objet JSON' }] };
  for (const key of Object.keys(raw)) if (!FIELDS.includes(key)) fail(key, 'is not a brique field', "n'est pas un champ de brique");
  if (typeof raw.code !== 'string' || !CODE.test(raw.code)) fail('code', 'must be letters, digits, dots or dashes', 'doit être fait de lettres, chiffres, points ou tirets');
  if (!nonEmpty(raw.group)) fail('group', 'must be a non-empty string', 'doit être un texte non vide');
  if (!nonEmpty(raw.title)) fail('title', 'must be a non-empty string', 'doit être un texte non vide');
  if (!BRIQUE_CADENCES.includes(raw.cadence as never)) fail('cadence', `must be one of ${BRIQUE_CADENCES.join(', ')}`, `doit valoir ${BRIQUE_CADENCES.join(', ')}`);
  if (raw.dataSchema !== undefined) {
    if (!isRecord(raw.dataSchema)) fail('dataSchema', 'must be an object of field descriptors', 'doit être un objet de descriptions de champs');
    else for (const [name, spec] of Object.entries(raw.dataSchema)) validateField(`dataSchema.${name}`, name, spec, fail);
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    definition: {
      code: raw.code as string,
      group: raw.group as string,
      title: raw.title as string,
      cadence: raw.cadence as BriqueDefinition['cadence'],
      ...(raw.dataSchema !== undefined ? { dataSchema: structuredClone(raw.dataSchema) as Record<string, BriqueFieldSpec> } : {}),
    },
  };
}

function validateField(path: string, name: string, spec: unknown, fail: (path: string, reason: string, reasonFr: string) => void): void {
  if (!FIELD_NAME.test(name)) fail(path, 'must be named with letters, digits or underscores, starting with a letter', 'doit être nommé par des lettres, chiffres ou _, en commençant par une lettre');
  if (!isRecord(spec)) return fail(path, 'must be an object { type, ... }', 'doit être un objet { type, ... }');
  const type = spec.type as (typeof FIELD_TYPES)[number];
  if (!FIELD_TYPES.includes(type)) return fail(`${path}.type`, `must be one of ${FIELD_TYPES.join(', ')}`, `doit valoir ${FIELD_TYPES.join(', ')}`);
  for (const key of Object.keys(spec)) {
    if (!FIELD_KEYS[type].includes(key)) fail(`${path}.${key}`, `is not a setting of a ${type} field`, `n'est pas un réglage d'un champ ${type}`);
  }
  if (spec.required !== undefined && typeof spec.required !== 'boolean') fail(`${path}.required`, 'must be true or false', 'doit valoir true ou false');
  if (type === 'string' && spec.maxLength !== undefined && !(Number.isInteger(spec.maxLength) && (spec.maxLength as number) > 0)) {
    fail(`${path}.maxLength`, 'must be a positive whole number', 'doit être un entier positif');
  }
  if (type === 'number') {
    for (const key of ['min', 'max']) {
      if (spec[key] !== undefined && !(typeof spec[key] === 'number' && Number.isFinite(spec[key]))) fail(`${path}.${key}`, 'must be a number', 'doit être un nombre');
    }
    if (typeof spec.min === 'number' && typeof spec.max === 'number' && spec.min > spec.max) fail(`${path}.max`, 'must be at least min', 'doit être au moins égal à min');
    if (spec.integer !== undefined && typeof spec.integer !== 'boolean') fail(`${path}.integer`, 'must be true or false', 'doit valoir true ou false');
  }
  if (type === 'enum') {
    const values = spec.values;
    if (!Array.isArray(values) || values.length === 0 || !values.every(nonEmpty)) fail(`${path}.values`, 'must be a non-empty list of strings', 'doit être une liste non vide de textes');
    else if (new Set(values).size !== values.length) fail(`${path}.values`, 'must not repeat a value', 'ne doit pas répéter une valeur');
  }
}
