import type { BriqueDataSchema, FieldProblem } from './brique';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with a brique's start data against its schema (none when there is no schema). */
export function validateBriqueData(schema: BriqueDataSchema | undefined, data: unknown): FieldProblem[] {
  if (schema === undefined) return data === undefined ? [] : plainObject(data) ? [] : [{ field: 'details', reason: 'must be an object' }];
  if (typeof schema === 'function') return schema(data);
  if (data !== undefined && !plainObject(data)) return [{ field: 'details', reason: 'must be an object' }];
  const record = (data ?? {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(record)) {
    if (!(key in schema)) problems.push({ field: `details.${key}`, reason: 'is not a field of this brique' });
  }
  for (const [key, spec] of Object.entries(schema)) {
    const value = record[key];
    const field = `details.${key}`;
    if (value === undefined) {
      if (spec.required) problems.push({ field, reason: 'is required' });
      continue;
    }
    switch (spec.type) {
      case 'string':
        if (typeof value !== 'string') problems.push({ field, reason: 'must be a string' });
        else if (spec.maxLength !== undefined && value.length > spec.maxLength) problems.push({ field, reason: `must be at most ${spec.maxLength} characters` });
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field, reason: 'must be a number' });
        else if (spec.integer && !Number.isInteger(value)) problems.push({ field, reason: 'must be a whole number' });
        else if (spec.min !== undefined && value < spec.min) problems.push({ field, reason: `must be at least ${spec.min}` });
        else if (spec.max !== undefined && value > spec.max) problems.push({ field, reason: `must be at most ${spec.max}` });
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ field, reason: 'must be true or false' });
        break;
      case 'date':
        if (typeof value !== 'string' || !ISO_DATE.test(value)) problems.push({ field, reason: 'must be a date YYYY-MM-DD' });
        break;
      case 'enum':
        if (typeof value !== 'string' || !spec.values.includes(value)) problems.push({ field, reason: `must be one of ${spec.values.join(', ')}` });
        break;
    }
  }
  return problems;
}

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
