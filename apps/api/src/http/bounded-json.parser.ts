import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../problem-details/http-problem';

/** Deeper than any command body (a few levels); far below what would exhaust a recursive walker. */
export const MAX_JSON_DEPTH = 64;

/**
 * Nesting depth of a JSON text, counted without parsing: class-transformer and class-validator walk
 * bodies recursively, so a 3,000-level body must be refused before anything walks it.
 * Stops counting at `limit + 1`.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Fastify's own JSON parser (prototype poisoning refused, empty body refused) behind a depth bound.
 * Installed in place of the default one, so every JSON body of every route goes through it.
 */
export function installBoundedJsonParser(fastify: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, maxDepth)) {
      done(
        HttpProblem.badRequest('json-too-deep', `The request body nests objects or arrays more than ${maxDepth} levels deep.`, [
          { field: '(body)', reason: `at most ${maxDepth} levels of nesting` },
        ]),
        undefined,
      );
      return;
    }
    parse(request, body as string, done);
  });
}
