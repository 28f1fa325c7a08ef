import type { SaisineField } from '../../programmes/src';

export type SaisineFieldsRead = { ok: true; value: Record<string, string> | undefined } | { ok: false; problems: { field: string; reason: string }[] };

/**
 * A saisine's programme fields (domain §2: "the programme's own categorical saisine fields"),
 * checked against the programme's declaration: known names only, each one of its value codes,
 * the required ones present. Categorical by construction, so funders may break figures down by them.
 */
export function readSaisineFields(declared: Readonly<Record<string, SaisineField>> | undefined, given: Readonly<Record<string, unknown>> | undefined): SaisineFieldsRead {
  const problems: { field: string; reason: string }[] = [];
  const spec = declared ?? {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    const field = spec[name];
    if (!field) problems.push({ field: `fields.${name}`, reason: Object.keys(spec).length ? `is not a saisine field of the programme (${Object.keys(spec).join(', ')})` : 'is not a saisine field: the programme declares none' });
    else if (typeof value !== 'string' || !field.values.includes(value)) problems.push({ field: `fields.${name}`, reason: `must be one of ${field.values.join(', ')}` });
    else out[name] = value;
  }
  for (const [name, field] of Object.entries(spec)) {
    if (field.required && (given?.[name] === undefined)) problems.push({ field: `fields.${name}`, reason: `is required by the programme (one of ${field.values.join(', ')})` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: Object.keys(out).length ? out : undefined };
}
