import type { ApiClient } from '../api/api-client';
import type { CommandDescription, JsonSchema } from '../commands/command-catalogue';

/** GET /programmes: what a saisine may name. */
export interface ProgrammeSummary {
  code: string;
  title: string;
  durationMonths: number;
  allowedBriques: string[];
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
  return { ...command, schema: { ...command.schema, properties: { ...properties, programmeCode: choice } } };
}
