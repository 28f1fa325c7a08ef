import type { OpenAPIObject } from '@nestjs/swagger';
import { describeTrajectoryCommands, OPENING_COMMAND } from '../../../../../workflows/trajectory/src';

/** The component name of a command's request body, e.g. RecordPointCommandBody. */
export function bodySchemaName(command: string): string {
  return `${command.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase())}CommandBody`;
}

export function bodySchemaRef(command: string): string {
  return `#/components/schemas/${bodySchemaName(command)}`;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsSchema' } } },
});

/**
 * Every command's body schema is its definition's (workflows/trajectory/src/commands), put in
 * components once. The commands share one route (POST /trajectories/{id}/commands/{command});
 * clients are better served by one documented path per command, each with its own body and example.
 */
export function addCommandPaths(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas ??= {};
  for (const command of describeTrajectoryCommands()) {
    document.components.schemas[bodySchemaName(command.name)] = command.schema;
    if (command.name === OPENING_COMMAND) continue;
    document.paths[`/trajectories/{id}/commands/${command.name}`] = {
      post: {
        tags: ['trajectories'],
        operationId: `command-${command.name}`,
        summary: command.labels.en,
        description: `${command.descriptions.en}\n\nRefusal codes: ${command.refusals.map((c) => `\`${c}\``).join(', ')}.`,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: 'The ETag the decision was based on, e.g. "6". Stale -> 412. Omit it and the server retries conflicts itself.',
            schema: { type: 'string', example: '"6"' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: bodySchemaRef(command.name) }, example: command.examples[0] } },
        },
        responses: {
          '200': {
            description: 'Accepted: the events recorded, the new stage and version (also in ETag).',
            headers: { ETag: { schema: { type: 'string', example: '"7"' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResultViewSchema' } } },
          },
          '400': problem('Invalid input: `errors` lists each field with why, in English (`reason`) and French (`reasonFr`); dates in the future included.'),
          '404': problem('No such trajectory.'),
          '409': problem('Not allowed now: `stage`, the reason and `allowedCommands`.'),
          '412': problem('If-Match is stale: reload and decide again.'),
        },
      },
    };
  }
}
