import type { FastifyRequest } from 'fastify';
import type { PrincipalResolver } from '../principal/principal';

/** Enough for every token in use at once; past it the oldest entries go (verification is redone). */
const REMEMBERED_TOKENS = 10_000;

/**
 * The bucket a request counts against: its token's subject once the token verifies, otherwise its
 * IP. An unverified `sub` is never trusted, or anyone could spread a flood over invented subjects.
 * The limit runs before the guard, so a verified token's subject is remembered: a caller's token
 * is verified here once, not once here and once in the guard on every request.
 */
export function rateLimitKey(resolver: PrincipalResolver): (request: FastifyRequest) => Promise<string> {
  const subjects = new Map<string, string>();
  return async (request) => {
    const authorization = request.headers.authorization;
    if (!authorization) return `ip:${request.ip}`;
    const known = subjects.get(authorization);
    if (known !== undefined) return known;
    try {
      const principal = await resolver.resolve({ method: request.method, url: request.url, headers: request.headers });
      const key = `sub:${principal.id}`;
      if (subjects.size >= REMEMBERED_TOKENS) subjects.delete(subjects.keys().next().value as string);
      subjects.set(authorization, key);
      return key;
    } catch {
      return `ip:${request.ip}`;
    }
  };
}
