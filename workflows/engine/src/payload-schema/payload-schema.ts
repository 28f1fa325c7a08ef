import { isCalendarDate } from '../../../../libs/domain/src';
import { problemAt, type Bilingual, type FieldProblem } from './field-problem';

/**
 * A payload schema is written once and gives three things: the TypeScript type (Infer<S>), the
 * JSON Schema clients and the OpenAPI document read (`json`), and the check the engine and the API
 * run (`read`). The JSON keeps to the subset that JSON Schema draft-07 and OpenAPI 3.0 share
 * (`example`, `x-labels` are annotations), so the same object is valid in both.
 */
export type JsonSchema = { [key: string]: unknown };

export interface Schema<T, Optional extends boolean = boolean> {
  readonly json: JsonSchema;
  readonly optional: Optional;
  /** The value when it is valid (objects rebuilt with their known members only), else undefined with problems recorded. */
  read(value: unknown, path: string, problems: FieldProblem[]): T | undefined;
  /** Phantom member: only the compiler reads it. */
  readonly __type?: T;
}

export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;

/** What a person filling a form sees: a label in French and English, a help text, an example. */
export interface FieldMeta {
  label?: Bilingual;
  description?: string;
  example?: unknown;
}

function annotate(json: JsonSchema, meta: FieldMeta | undefined): JsonSchema {
  if (!meta) return json;
  return {
    ...(meta.label ? { title: meta.label.en, 'x-labels': meta.label } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    ...json,
    ...(meta.example !== undefined ? { example: meta.example } : {}),
  };
}

function schema<T>(json: JsonSchema, meta: FieldMeta | undefined, read: Schema<T, false>['read']): Schema<T, false> {
  return { json: annotate(json, meta), optional: false, read };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A pattern with the sentence a person reads when it does not match. */
export interface NamedPattern {
  regex: RegExp;
  message: Bilingual;
}

export interface TextOptions extends FieldMeta {
  minLength?: number;
  maxLength: number;
  pattern?: NamedPattern;
  format?: 'uuid' | 'email';
  /** Free text that may hold tabs and line breaks (other control characters are still refused). */
  multiline?: boolean;
}

// The controls libs/domain refuses in paths and queries (C0, DEL, C1, line/paragraph separators,
// bidi overrides), written as a pattern so the published schema says it too. A text with its own
// pattern or format already admits none of them.
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const controlMessage = { en: 'must not contain a control character', fr: 'ne doit pas contenir de caractère de contrôle' };
const ONE_LINE: NamedPattern = { regex: new RegExp(`^[^${CONTROLS}]*$`), message: controlMessage };
const MULTILINE: NamedPattern = { regex: new RegExp(`^(?:[^${CONTROLS}]|[\\t\\n\\r])*$`), message: controlMessage };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// The HTML living standard's e-mail production: what a browser's <input type=email> accepts.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const FORMATS = {
  uuid: { regex: UUID, message: { en: 'must be a UUID', fr: 'doit être un UUID' } },
  email: { regex: EMAIL, message: { en: 'must be an email address', fr: 'doit être une adresse e-mail' } },
} as const;

function text<T extends string = string>(options: TextOptions): Schema<T, false> {
  const { minLength = 1, maxLength, pattern: own, format, multiline = false, ...meta } = options;
  const pattern = own ?? (format ? undefined : multiline ? MULTILINE : ONE_LINE);
  const json: JsonSchema = { type: 'string', minLength, maxLength };
  if (pattern) json.pattern = pattern.regex.source;
  if (format) json.format = format;
  return schema<T>(json, meta, (v, path, problems) => {
    if (typeof v !== 'string') return problemAt(problems, path, { en: 'must be a string', fr: 'doit être un texte' });
    if (v.length < minLength) return problemAt(problems, path, { en: `must be at least ${minLength} character(s)`, fr: `doit faire au moins ${minLength} caractère(s)` });
    if (v.length > maxLength) return problemAt(problems, path, { en: `must be at most ${maxLength} characters`, fr: `doit faire au plus ${maxLength} caractères` });
    for (const p of [pattern, format ? FORMATS[format] : undefined]) {
      if (p && !p.regex.test(v)) return problemAt(problems, path, p.message);
    }
    return v as T;
  });
}

function oneOf<const V extends readonly string[]>(values: V, meta?: FieldMeta): Schema<V[number], false> {
  const allowed = new Set<string>(values);
  const list = values.join(', ');
  return schema<V[number]>({ type: 'string', enum: [...values] }, meta, (v, path, problems) =>
    typeof v === 'string' && allowed.has(v) ? (v as V[number]) : problemAt(problems, path, { en: `must be one of ${list}`, fr: `doit valoir l’une de ces valeurs : ${list}` }),
  );
}

function integer(options: FieldMeta & { minimum: number; maximum: number }): Schema<number, false> {
  const { minimum, maximum, ...meta } = options;
  return schema<number>({ type: 'integer', minimum, maximum }, meta, (v, path, problems) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return problemAt(problems, path, { en: 'must be a whole number', fr: 'doit être un nombre entier' });
    if (v < minimum) return problemAt(problems, path, { en: `must be at least ${minimum}`, fr: `doit valoir au moins ${minimum}` });
    if (v > maximum) return problemAt(problems, path, { en: `must be at most ${maximum}`, fr: `doit valoir au plus ${maximum}` });
    return v;
  });
}

function boolean(meta?: FieldMeta): Schema<boolean, false> {
  return schema<boolean>({ type: 'boolean' }, meta, (v, path, problems) =>
    typeof v === 'boolean' ? v : problemAt(problems, path, { en: 'must be true or false', fr: 'doit valoir true ou false' }),
  );
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
function calendarDate(meta?: FieldMeta): Schema<string, false> {
  return schema<string>({ type: 'string', format: 'date' }, meta, (v, path, problems) =>
    isCalendarDate(v) ? v : problemAt(problems, path, { en: 'must be a calendar date YYYY-MM-DD', fr: 'doit être une date du calendrier AAAA-MM-JJ' }),
  );
}

export interface ListOptions extends FieldMeta {
  minItems?: number;
  maxItems: number;
  uniqueItems?: boolean;
}

function list<T>(item: Schema<T>, options: ListOptions): Schema<T[], false> {
  const { minItems = 0, maxItems, uniqueItems = false, ...meta } = options;
  const json: JsonSchema = { type: 'array', items: item.json, ...(minItems ? { minItems } : {}), maxItems, ...(uniqueItems ? { uniqueItems } : {}) };
  return schema<T[]>(json, meta, (v, path, problems) => {
    if (!Array.isArray(v)) return problemAt(problems, path, { en: 'must be a list', fr: 'doit être une liste' });
    if (v.length < minItems) return problemAt(problems, path, { en: `must have at least ${minItems} item(s)`, fr: `doit avoir au moins ${minItems} élément(s)` });
    if (v.length > maxItems) return problemAt(problems, path, { en: `must have at most ${maxItems} items`, fr: `doit avoir au plus ${maxItems} éléments` });
    const before = problems.length;
    const out = v.map((x, i) => item.read(x, `${path}.${i}`, problems));
    if (problems.length > before) return undefined;
    if (uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) {
      return problemAt(problems, path, { en: 'must not list the same item twice', fr: 'ne doit pas contenir deux fois le même élément' });
    }
    return out as T[];
  });
}

export type Shape = Readonly<Record<string, Schema<unknown>>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K]['optional'] extends true ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

export interface ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>, false> {
  readonly shape: S;
}

/** Members not in the shape are refused, as a typo should be: nothing unchecked reaches an event. */
function object<S extends Shape>(shape: S, meta?: FieldMeta): ObjectSchema<S> {
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !shape[k].optional);
  const json: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(keys.map((k) => [k, shape[k].json])),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
  const read: Schema<ObjectOf<S>, false>['read'] = (v, path, problems) => {
    if (!isPlainObject(v)) return problemAt(problems, path, { en: 'must be an object', fr: 'doit être un objet' });
    const before = problems.length;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        problemAt(problems, join(path, key), { en: `property ${key} should not exist`, fr: `la propriété ${key} n’est pas attendue` });
      }
    }
    for (const key of keys) {
      const field = shape[key];
      const value = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
      if (value === undefined) {
        if (!field.optional) problemAt(problems, join(path, key), { en: 'is required', fr: 'est obligatoire' });
        continue;
      }
      const read = field.read(value, join(path, key), problems);
      if (read !== undefined) out[key] = read;
    }
    return problems.length > before ? undefined : (out as ObjectOf<S>);
  };
  return { ...schema(json, meta, read), shape };
}

/** Data whose shape someone else knows (a brique's start data, checked against the brique's own schema). */
function freeObject(meta?: FieldMeta): Schema<Record<string, unknown>, false> {
  return schema<Record<string, unknown>>({ type: 'object' }, meta, (v, path, problems) =>
    isPlainObject(v) ? v : problemAt(problems, path, { en: 'must be an object', fr: 'doit être un objet' }),
  );
}

function optional<T>(inner: Schema<T>): Schema<T, true> {
  return { ...inner, optional: true };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The schema builder: `s.object({ mode: s.oneOf(MODES), personal: s.optional(...) })`. */
export const s = { text, oneOf, integer, boolean, calendarDate, list, object, freeObject, optional };

/** Reads a whole payload: the value, or every problem found (one answer lists every wrong field). */
export function readPayload<T>(payloadSchema: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const read = payloadSchema.read(value, '', problems);
  return problems.length === 0 ? { ok: true, value: read as T } : { ok: false, problems };
}
