import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../app.factory';
import { buildOpenApiDocument } from './openapi.setup';

/**
 * The document of the API as `npm start` serves it (embedded store, read models, funder feeds), built
 * without listening: what `npm run openapi:write` saves and the contract tests walk. The store lives in
 * memory and the secrets are throw-away: only the routes and schemas matter here.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const { app } = await createApp({
    dataDir: 'memory://',
    auth: { keys: { kind: 'secret', secret: randomBytes(32).toString('base64url') } },
    feeds: { secret: randomBytes(32) },
    logger: false,
    docs: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** `npm run openapi:write` and the client check: the document as JSON in a file. */
export async function writeOpenApiDocument(path: string): Promise<OpenAPIObject> {
  const document = await generateOpenApiDocument();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  return document;
}
