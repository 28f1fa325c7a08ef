import type { ApiClient } from '../api/api-client';
import type { CommandDescription, JsonSchema } from '../commands/command-catalogue';

/** GET /programmes: what a saisine may name. */
export interface ProgrammeSummary {
  code: string;
  title: string;
  durationMonths: number;
  allowedBriques: string[];
  saisineFields?: Record<string, { title: string; values: string[]; required?: boolean }>;
}

let programmes: Promise<ProgrammeSummary[]> | undefined;

/** The catalogue does not change while the server runs: fetched once per page load. */
export function loadProgrammes(api: ApiClient): Promise<ProgrammeSummary[]> {
  programmes ??= api.get<{ programmes: ProgrammeSummary[] }>('/programmes').then(
    (answer) => answer.body.programmes,
    (error: unknown) => {
      programmes = undefined;
      throw error;
    },
  );
  return programmes;
}

/**
 * The saisine form's programme is chosen from the programmes the API lists, by their titles, rather
 * than typed as a code; the value sent is still the code, and the server still checks it. Whatever
 * else the command's schema holds (a programme's own saisine fields among them) is left as it is.
 */
export function withProgrammeChoice(command: CommandDescription, programmes: ProgrammeSummary[]): CommandDescription {
  const properties = (command.schema.properties ?? {}) as Record<string, JsonSchema>;
  if (!properties.programmeCode || programmes.length === 0) return command;
  const { pattern: _pattern, minLength: _min, maxLength: _max, ...field } = properties.programmeCode;
  const choice: JsonSchema = { ...field, oneOf: programmes.map((p) => ({ const: p.code, title: p.title })) };
  const { fields, ...others } = properties;
  // The dependency's branches are not translated by the form: their words are written here in French.
  if (!fields || !programmes.some((p) => p.saisineFields)) return { ...command, schema: { ...command.schema, properties: { ...properties, programmeCode: choice } } };
  // Each programme's own fields appear once it is chosen (a JSON-schema dependency on programmeCode).
  const branches = programmes.map((p) => {
    const own = Object.entries(p.saisineFields ?? {});
    const required = own.filter(([, f]) => f.required).map(([name]) => name);
    const ownFields: JsonSchema = {
      type: 'object',
      title: 'Champs du dispositif',
      properties: Object.fromEntries(own.map(([name, f]) => [name, { type: 'string', title: f.title, enum: f.values }])),
      ...(required.length ? { required } : {}),
      additionalProperties: false,
    };
    return {
      properties: { programmeCode: { const: p.code }, ...(own.length ? { fields: ownFields } : {}) },
      ...(required.length ? { required: ['fields'] } : {}),
    };
  });
  return {
    ...command,
    schema: { ...command.schema, properties: { ...others, programmeCode: choice }, dependencies: { programmeCode: { oneOf: branches } } },
  };
}
