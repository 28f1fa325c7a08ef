import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { describeConflictRetry } from '../trajectories/conflict-retry.policy';
import { addCommandPaths } from '../trajectories/openapi/command-paths';
import { CommandResultViewSchema } from '../trajectories/views/trajectory.schemas';
import { ProblemDetailsSchema } from './problem-details.schema';
import { documentCommonProblems } from './problem-responses';

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
        `a stale version answers 412. ${describeConflictRetry()}`,
        '',
        'Every route but /health and /docs needs `Authorization: Bearer <jwt>` (role and scopes in the token;',
        'see docs/security.md for who may do what). The token\'s subject and role are recorded in each event.',
        'On the embedded default, `npm run cli -- token --role coordinator --sub me` prints one.',
        '',
        'Money: every amount, in requests, answers and CSV, is an integer number of euro cents in a field',
        'named `...Cents` (`perMonthCents: 19000` is 190.00 EUR).',
        '',
        'Funder figures also come as CSV: `Accept: text/csv` or `?format=csv` (UTF-8 with a BOM, `;`, French headers).',
      ].join('\n'),
    )
    .setVersion('0.1.0')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    // Relative: the document is served by the API it describes, wherever it is deployed.
    .addServer('/', 'The server that serves this document (/docs/json); `npm start` listens on http://localhost:3000')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .addTag('trajectories', 'A household’s path through one accompaniment: commands and state')
    .addTag('operations', 'Health and documentation')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsSchema, CommandResultViewSchema],
  });
  addCommandPaths(document);
  documentCommonProblems(document);
  return document;
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'docs/yaml',
    customSiteTitle: 'Accompagnement engine API',
  });
}
