import { isCalendarDate } from '../../../../../libs/domain/src';

export interface FieldProblem {
  field: string;
  reason: string;
}

type Opt = { optional?: boolean };

/**
 * A small reader for untrusted payloads: each getter returns the value when it is valid and
 * records a field problem otherwise, so one answer lists every wrong field. Only fields read
 * through it reach an event: anything else a client sends is dropped.
 */
export class PayloadCheck {
  constructor(
    private readonly raw: unknown,
    private readonly prefix = '',
    readonly problems: FieldProblem[] = [],
  ) {
    if (!isPlainObject(raw)) this.problem('', 'must be an object');
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  problem(field: string, reason: string): undefined {
    const path = [this.prefix, field].filter(Boolean).join('.') || 'payload';
    this.problems.push({ field: path, reason });
    return undefined;
  }

  private value(field: string): unknown {
    return isPlainObject(this.raw) ? this.raw[field] : undefined;
  }

  private missing(field: string, opt?: Opt): boolean {
    const v = this.value(field);
    if (v !== undefined && v !== null) return false;
    if (!opt?.optional) this.problem(field, 'is required');
    return true;
  }

  str(field: string, opt?: Opt & { max?: number }): string | undefined {
    if (this.missing(field, opt)) return undefined;
    const v = this.value(field);
    if (typeof v !== 'string' || v.trim() === '') return this.problem(field, 'must be a non-empty string');
    if (v.length > (opt?.max ?? 200)) return this.problem(field, `must be at most ${opt?.max ?? 200} characters`);
    return v;
  }

  oneOf<T extends string>(field: string, values: readonly T[], opt?: Opt): T | undefined {
    if (this.missing(field, opt)) return undefined;
    const v = this.value(field);
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) return this.problem(field, `must be one of ${values.join(', ')}`);
    return v as T;
  }

  int(field: string, opt?: Opt & { min?: number; max?: number }): number | undefined {
    if (this.missing(field, opt)) return undefined;
    const v = this.value(field);
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.problem(field, 'must be a whole number');
    if (opt?.min !== undefined && v < opt.min) return this.problem(field, `must be at least ${opt.min}`);
    if (opt?.max !== undefined && v > opt.max) return this.problem(field, `must be at most ${opt.max}`);
    return v;
  }

  bool(field: string, opt?: Opt): boolean | undefined {
    if (this.missing(field, opt)) return undefined;
    const v = this.value(field);
    if (typeof v !== 'boolean') return this.problem(field, 'must be true or false');
    return v;
  }

  date(field: string, opt?: Opt): string | undefined {
    if (this.missing(field, opt)) return undefined;
    const v = this.value(field);
    if (!isCalendarDate(v)) return this.problem(field, 'must be a date YYYY-MM-DD');
    return v;
  }

  /** A nested object read with its own check (problems are shared). */
  obj<T>(field: string, read: (c: PayloadCheck) => T, opt?: Opt): T | undefined {
    if (this.missing(field, opt)) return undefined;
    const sub = new PayloadCheck(this.value(field), this.path(field), this.problems);
    if (!isPlainObject(this.value(field))) return undefined;
    return read(sub);
  }

  list<T>(field: string, read: (c: PayloadCheck, item: unknown) => T | undefined, opt?: Opt & { minItems?: number; maxItems?: number }): T[] | undefined {
    if (this.missing(field, opt)) return undefined;
    const v = this.value(field);
    if (!Array.isArray(v)) return this.problem(field, 'must be a list');
    if (opt?.minItems !== undefined && v.length < opt.minItems) return this.problem(field, `must have at least ${opt.minItems} item(s)`);
    if (v.length > (opt?.maxItems ?? 100)) return this.problem(field, `must have at most ${opt?.maxItems ?? 100} items`);
    const out: T[] = [];
    v.forEach((item, i) => {
      const sub = new PayloadCheck(isPlainObject(item) ? item : { value: item }, `${this.path(field)}.${i}`, this.problems);
      const read1 = read(sub, item);
      if (read1 !== undefined) out.push(read1);
    });
    return out;
  }

  /** A free-form object checked later by someone who knows its schema (a brique's start data). */
  details(field: string): Record<string, unknown> | undefined {
    const v = this.value(field);
    if (v === undefined || v === null) return undefined;
    if (!isPlainObject(v)) return this.problem(field, 'must be an object');
    return v;
  }

  /**
   * The personal part: identifying and free-text data, kept as sent (strings, lists and objects of
   * strings) but never read by a rule.
   */
  personal(field = 'personal'): Record<string, unknown> | undefined {
    const v = this.value(field);
    if (v === undefined || v === null) return undefined;
    if (!isPlainObject(v)) return this.problem(field, 'must be an object');
    const bad = findNonText(v, this.path(field));
    if (bad) {
      this.problems.push({ field: bad, reason: 'must be text' });
      return undefined;
    }
    return v;
  }

  private path(field: string): string {
    return [this.prefix, field].filter(Boolean).join('.');
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Personal data is text (or lists/objects of text): a path to the first thing that is not. */
function findNonText(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 4) return path;
  if (typeof value === 'string') return value.length > 10_000 ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonText(value[i], `${path}.${i}`, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const bad = findNonText(v, `${path}.${k}`, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  return path;
}
