import 'reflect-metadata';
import { resolve } from 'node:path';
import { writeOpenApiDocument } from '../src/openapi/openapi-document';

/** `npm run openapi:write [file]`: the API's OpenAPI document (default dist/openapi.json), built without listening. */
const out = resolve(process.argv[2] ?? 'dist/openapi.json');
writeOpenApiDocument(out).then(
  (doc) => process.stdout.write(`${out}: ${Object.keys(doc.paths).length} paths\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
