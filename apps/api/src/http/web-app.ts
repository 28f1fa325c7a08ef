import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../problem-details/http-problem';
import { CONTENT_TYPES, serveDirectory } from './static-assets';

/** Where `npm run build` puts the web app: dist/web at the repository's root, from the sources or the compiled code. */
export function defaultWebDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dir !== resolve(dir, '..')) dir = resolve(dir, '..');
  return join(dir, 'dist', 'web');
}

/**
 * The web app at `/`: index.html for `/` and for every path under the app's own prefixes (listed by
 * the build in web-routes.json), so a reload of any page works; its bundled files under /assets/.
 * The set of files is read once at start: no request path ever reaches the disk. Without a build
 * (a test run, a source checkout), `/` says how to build it instead of failing.
 */
export function serveWebApp(fastify: FastifyInstance, dir: string): void {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) {
    fastify.get('/', () => {
      throw new HttpProblem(404, 'web-app-not-built', `The web app is not built in ${dir}: run \`npm run build\` (npm start does it).`);
    });
    return;
  }
  const index = readFileSync(indexPath);
  const sendIndex = (_request: unknown, reply: import('fastify').FastifyReply) =>
    // Always revalidated: a new deployment's index names new asset files.
    reply.type(CONTENT_TYPES['.html']).header('cache-control', 'no-cache').send(index);
  fastify.get('/', sendIndex);
  for (const prefix of routePrefixes(dir)) {
    fastify.get(`/${prefix}`, sendIndex);
    fastify.get(`/${prefix}/*`, sendIndex);
  }

  // Asset names carry a content hash: a changed file has a new name, so it may be kept for a year.
  const assetsDir = join(dir, 'assets');
  if (existsSync(assetsDir)) serveDirectory(fastify, assetsDir, '/assets', 'public, max-age=31536000, immutable');
}

function routePrefixes(dir: string): string[] {
  const manifest = join(dir, 'web-routes.json');
  if (!existsSync(manifest)) return [];
  const { prefixes } = JSON.parse(readFileSync(manifest, 'utf8')) as { prefixes?: unknown };
  return Array.isArray(prefixes) ? prefixes.filter((p): p is string => typeof p === 'string' && /^[a-z0-9-]+$/.test(p)) : [];
}
