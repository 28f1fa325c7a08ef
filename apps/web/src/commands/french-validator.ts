import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';

/**
 * The form checks each field with the server's own JSON Schema before anything is sent, and says
 * what is wrong in French. It interprets the schema (@cfworker/json-schema) rather than compiling
 * it to code as ajv does: the app's Content-Security-Policy allows no eval, and should not.
 */
export const frenchValidator: ValidatorType<Record<string, unknown>, RJSFSchema> = {
  validateFormData(formData, schema) {
    const errors = schemaErrors(schema, formData);
    return { errors, errorSchema: toErrorSchema(errors) } as ValidationData<Record<string, unknown>>;
  },
  isValid(schema, formData, rootSchema) {
    // The root lends only its definitions (for $ref): its own `required` and `properties` are not the
    // condition's, and would make a dependency's branch never match.
    const { definitions, $defs } = (rootSchema ?? {}) as { definitions?: unknown; $defs?: unknown };
    return new Validator({ ...(definitions ? { definitions } : {}), ...($defs ? { $defs } : {}), ...(schema as object) } as Schema, '7', false).validate(formData ?? {}).valid;
  },
  rawValidation(schema, formData) {
    const result = new Validator(schema as Schema, '7', false).validate(formData ?? {});
    return { errors: result.valid ? undefined : (result.errors as never[]) };
  },
};

/** One French sentence per failed rule, on the field it concerns. */
export function schemaErrors(schema: RJSFSchema, formData: unknown): RJSFValidationError[] {
  const result = new Validator(schema as Schema, '7', false).validate(formData ?? {});
  if (result.valid) return [];
  const seen = new Set<string>();
  const out: RJSFValidationError[] = [];
  for (const unit of result.errors) {
    const message = frenchMessage(unit, schema);
    if (!message) continue;
    const property = propertyOf(unit);
    const key = `${property}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: unit.keyword, property, message, stack: `${property} ${message}`, schemaPath: unit.keywordLocation });
  }
  return out;
}

/** `.personal.summary` for #/personal/summary; a missing required field is reported on itself. */
function propertyOf(unit: OutputUnit): string {
  const path = unit.instanceLocation.replace(/^#/, '').split('/').filter(Boolean);
  if (unit.keyword === 'required') {
    const missing = /"([^"]+)"/.exec(unit.error)?.[1];
    if (missing) path.push(missing);
  }
  return path.length ? `.${path.join('.')}` : '';
}

function frenchMessage(unit: OutputUnit, schema: RJSFSchema): string | undefined {
  const rule = ruleAt(schema, unit.keywordLocation);
  switch (unit.keyword) {
    case 'required':
      return 'Ce champ est obligatoire.';
    case 'minLength':
      return rule === 1 ? 'Ce champ est obligatoire.' : `Au moins ${String(rule)} caractères.`;
    case 'maxLength':
      return `Au plus ${String(rule)} caractères.`;
    case 'minimum':
      return `Au moins ${String(rule)}.`;
    case 'maximum':
      return `Au plus ${String(rule)}.`;
    case 'minItems':
      return rule === 1 ? 'Choisissez au moins une valeur.' : `Au moins ${String(rule)} éléments.`;
    case 'maxItems':
      return `Au plus ${String(rule)} éléments.`;
    case 'uniqueItems':
      return 'Une même valeur est choisie deux fois.';
    case 'pattern':
      return 'Le format n’est pas celui attendu.';
    case 'format':
      return rule === 'date' ? 'Une date est attendue (jj/mm/aaaa).' : rule === 'email' ? 'Une adresse e-mail est attendue.' : 'Le format n’est pas celui attendu.';
    case 'type':
      return rule === 'integer' ? 'Un nombre entier est attendu.' : rule === 'number' ? 'Un nombre est attendu.' : 'La valeur n’est pas du type attendu.';
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return 'Choisissez une des valeurs proposées.';
    case 'additionalProperties':
    case 'false':
      return 'Ce champ n’est pas attendu ici.';
    default:
      // "properties", "items", "$ref"...: containers whose own failures are reported on their fields.
      return undefined;
  }
}

/** The value of the rule that failed, read from the schema at the unit's keyword location. */
function ruleAt(schema: RJSFSchema, keywordLocation: string): unknown {
  let node: unknown = schema;
  for (const part of keywordLocation.replace(/^#\//, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  return node;
}

/** Messages nested by field as the form shows them: `.personal.summary` -> { personal: { summary: { __errors } } }. */
export function toErrorSchema(errors: { property?: string; message?: string }[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const part of (error.property ?? '').split('.').filter(Boolean)) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(error.message ?? '');
  }
  return root as ErrorSchema;
}
