import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addCommandPaths } from '../trajectories/openapi/command-paths';
import { CommandResultViewSchema } from '../trajectories/views/trajectory.schemas';
import { ProblemDetailsSchema } from './problem-details.schema';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs/json';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Accompagnement engine')
    .setDescription(
      [
        'Event-sourced engine for housing-support measures (AVDL, ASLL, GLA).',
        '',
        'Every error is an RFC 9457 problem-details body (`application/problem+json`) with a stable `code`.',
        'Commands on a trajectory accept `If-Match: "<version>"` (from the ETag) for optimistic concurrency:',
        'a stale version answers 412. Without it the server retries conflicting writes itself.',
        '',
        'Every route but /health and /docs needs `Authorization: Bearer <jwt>` (role and scopes in the token;',
        'see docs/security.md for who may do what). The token\'s subject and role are recorded in each event.',
        'On the embedded default, `npm run cli -- token --role coordinator --sub me` prints one.',
      ].join('\n'),
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .addTag('trajectories', 'A household’s path through one accompaniment: commands and state')
    .addTag('operations', 'Health and documentation')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsSchema, CommandResultViewSchema],
  });
  addCommandPaths(document);
  return document;
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'docs/yaml',
    customSiteTitle: 'Accompagnement engine API',
  });
}
