/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers and strings written
 * the way JSON.stringify writes them (the shortest text that reads back as the same double).
 *
 * The hash chain is computed over this text at append time and recomputed at verify time from the
 * row PostgreSQL gives back. jsonb reorders keys and rewrites numbers, so only a form that depends
 * on the parsed values alone (never on the bytes a writer happened to send) survives the round trip.
 *
 * It is also the gatekeeper: anything jsonb would refuse, or would silently store as something
 * else, is rejected here with the path of the offending value, before a byte reaches the database.
 */

export class NotJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'NotJsonError';
  }
}

// jsonb cannot store U+0000, and PostgreSQL refuses lone UTF-16 surrogates in \u escapes.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const FORBIDDEN_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkJsonString(value: string, path: string): void {
  const bad = FORBIDDEN_CHARS.exec(value);
  if (bad) {
    const what = bad[0] === '\u0000' ? 'the NUL character \\u0000' : 'a lone UTF-16 surrogate';
    throw new NotJsonError(path, `contains ${what}, which PostgreSQL jsonb cannot store`);
  }
}

export function canonicalJson(value: unknown, path = '$'): string {
  if (value === undefined) throw new NotJsonError(path, 'is undefined');
  try {
    return write(value, path, new Set());
  } catch (error) {
    // Deeply nested values blow the stack before anything else would catch them.
    if (error instanceof RangeError) throw new NotJsonError(path, 'is nested too deeply');
    throw error;
  }
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      checkJsonString(value, path);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(path, `is ${String(value)}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : writeObject(value, path, ancestors);
    case 'bigint':
      throw new NotJsonError(path, 'is a BigInt; store it as a string');
    default:
      throw new NotJsonError(path, `is a ${typeof value}, which JSON cannot represent`);
  }
}

function writeObject(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new NotJsonError(path, 'is a circular reference');
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    // Dates and value objects that define their own JSON form: the stored event holds that form.
    return write(toJSON.call(value), path, ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown, index) => {
        // JSON.stringify would turn these into null: a silent change, so refuse instead.
        if (item === undefined) throw new NotJsonError(`${path}[${index}]`, 'is undefined (JSON would store null)');
        return write(item, `${path}[${index}]`, ancestors);
      });
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(value)) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
      throw new NotJsonError(path, `is a ${name} instance; only plain objects and arrays are stored`);
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      // Optional properties left undefined are simply absent, as with JSON.stringify.
      if (item === undefined) continue;
      const itemPath = `${path}.${key}`;
      checkJsonString(key, itemPath);
      parts.push(`${JSON.stringify(key)}:${write(item, itemPath, ancestors)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/** Plain objects from any realm (jsonb rows parsed in a worker or a vm context count too). */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}
