import type { OpenAPIObject } from '@nestjs/swagger';
import { COMMAND_ROUTES } from '../commands/command-catalogue';
import { ReceiveSaisineCommand } from '../commands/receive-saisine.command';

/** Every DTO a command path refers to: createDocument must put them in components. */
export const COMMAND_DTOS = COMMAND_ROUTES.map((r) => r.dto);

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsSchema' } } },
});

/**
 * The commands share one route (POST /trajectories/{id}/commands/{command}); clients are better
 * served by one documented path per command, each with its own body schema and examples.
 */
export function addCommandPaths(document: OpenAPIObject): void {
  for (const route of COMMAND_ROUTES) {
    if (route.name === ReceiveSaisineCommand.commandName) continue;
    document.paths[`/trajectories/{id}/commands/${route.name}`] = {
      post: {
        tags: ['trajectories'],
        operationId: `command-${route.name}`,
        summary: route.summary,
        description: route.description,
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
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.dto.name}` } } },
        },
        responses: {
          '200': {
            description: 'Accepted: the events recorded, the new stage and version (also in ETag).',
            headers: { ETag: { schema: { type: 'string', example: '"7"' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResultViewSchema' } } },
          },
          '400': problem('Invalid input: `errors` lists each field (dates in the future included).'),
          '404': problem('No such trajectory.'),
          '409': problem('Not allowed now: `stage`, the reason and `allowedCommands`.'),
          '412': problem('If-Match is stale: reload and decide again.'),
        },
      },
    };
  }
}
