import { createReadStream, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../problem-details/http-problem';

export const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function contentTypeOf(fileName: string): string | undefined {
  return CONTENT_TYPES[extname(fileName)];
}

/**
 * Serves the files directly inside `root` under `prefix` (the swagger UI assets, the web app's
 * bundle): @fastify/static 10 (the version @nestjs/platform-fastify accepts) pulls an ESM-only
 * dependency that jest cannot load. The set of files is fixed at start, so no request path reaches the disk.
 */
export function serveDirectory(fastify: FastifyInstance, root: string, prefix: string, cacheControl = 'public, max-age=3600'): void {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isFile() && contentTypeOf(entry.name)) files.set(entry.name, join(root, entry.name));
  }
  const base = prefix.replace(/\/+$/, '');
  fastify.get<{ Params: { file: string } }>(`${base}/:file`, (request, reply) => {
    const path = files.get(request.params.file);
    if (!path) throw new HttpProblem(404, 'route-not-found', `Cannot GET ${request.url}`);
    void reply
      .type(contentTypeOf(path)!)
      .header('cache-control', cacheControl)
      .send(createReadStream(path));
    return reply;
  });
}
