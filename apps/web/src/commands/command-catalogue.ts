import { VOCABULARY_LABELS_FR } from '../../../../workflows/trajectory/src/vocabulary/vocabulary-labels.fr';
import type { ApiClient } from '../api/api-client';

/** GET /commands: each command's labels and the JSON Schema the server validates its body with. */
export interface CommandDescription {
  name: string;
  labels: { fr: string; en: string };
  descriptions: { fr: string; en: string };
  opensTrajectory: boolean;
  schema: JsonSchema;
  examples: Record<string, unknown>[];
  events: string[];
  refusals: string[];
}

export type JsonSchema = { [keyword: string]: unknown };

let catalogue: Promise<Map<string, CommandDescription>> | undefined;

/** The catalogue does not change while the server runs: fetched once per page load. */
export function loadCommandCatalogue(api: ApiClient): Promise<Map<string, CommandDescription>> {
  catalogue ??= api.get<{ commands: CommandDescription[] }>('/commands').then(
    (answer) => new Map(answer.body.commands.map((c) => [c.name, c])),
    (error: unknown) => {
      catalogue = undefined;
      throw error;
    },
  );
  return catalogue;
}

/**
 * The server's schema made ready for a French form: each field's French label becomes its title;
 * the English help texts and the annotations only OpenAPI reads (`example`, `x-*`) are dropped, so
 * the form speaks French and its validator (ajv, strict) accepts it. The rules themselves (types,
 * bounds, enums, required) are untouched. The dialog shows the command's own title, not the root's.
 */
export function frenchFormSchema(schema: JsonSchema, root = true): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'example' || keyword === 'description' || keyword.startsWith('x-')) continue;
    if (root && keyword === 'title') continue;
    out[keyword] = translateValue(keyword, value);
  }
  const labels = schema['x-labels'] as { fr?: string } | undefined;
  if (labels?.fr && !root) out.title = labels.fr;
  // A list of codes becomes choices worded in French; the value sent is still the code.
  if (Array.isArray(out.enum) && out.enum.every((v) => typeof v === 'string')) {
    out.oneOf = (out.enum as string[]).map((code) => ({ const: code, title: VOCABULARY_LABELS_FR[code] ?? code }));
    delete out.enum;
  }
  return out;
}

function translateValue(keyword: string, value: unknown): unknown {
  if (keyword === 'properties' && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? frenchFormSchema(sub, false) : sub]));
  }
  if (['items', 'additionalProperties', 'not'].includes(keyword) && isObject(value)) return frenchFormSchema(value, false);
  if (['oneOf', 'anyOf', 'allOf'].includes(keyword) && Array.isArray(value)) return value.map((v) => (isObject(v) ? frenchFormSchema(v, false) : v));
  return value;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** allowedCommands may be names or objects naming the command with what it requires. */
export type AllowedCommand = string | { command: string; requires?: { code: string; reason: string; reasonFr?: string }[] };

export function allowedName(allowed: AllowedCommand): string {
  return typeof allowed === 'string' ? allowed : allowed.command;
}
