import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { HttpProblem } from '../problem-details/http-problem';
import type { PrincipalResolver } from '../principal/principal';
import { rateLimitKey } from './rate-limit-key';

export interface RateLimitSettings {
  /** Requests allowed per caller (token subject, else IP) in each window. */
  max: number;
  windowSeconds: number;
}

export interface HttpHardening {
  /** Origins allowed to call from a browser (exact `scheme://host[:port]`); none: no CORS header at all. */
  corsOrigins?: readonly string[];
  /** false or absent: not limited (tests, benchmarks); main.ts always passes the configured limit. */
  rateLimit?: RateLimitSettings | false;
  /** Other origins the web app may fetch from (CSP connect-src): the identity provider's, for the OpenID sign-in. */
  connectOrigins?: readonly string[];
}

/** What main.ts applies unless RATE_LIMIT_MAX / RATE_LIMIT_WINDOW say otherwise: 10 requests a second, sustained. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 600, windowSeconds: 60 };

/**
 * The same-origin policy /docs (Swagger UI: external scripts, inline styles, data: images) and a
 * web app served at / need, and nothing from elsewhere. No upgrade-insecure-requests: on plain
 * http (localhost) it would send the UI's assets to an https port that does not exist.
 */
const contentSecurityPolicy = (connectOrigins: readonly string[] = []) => ({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...connectOrigins],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** Headers a browser client must send and may read (ETag for If-Match, Retry-After after a 429). */
const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'if-match', 'x-request-id'];
const CORS_EXPOSED_HEADERS = ['etag', 'location', 'x-request-id', 'retry-after'];

/**
 * Helmet's headers and the CSP on every answer, CORS only for configured origins, the rate limit,
 * and `Cache-Control: no-store` on every answer that did not choose a cache policy itself (most
 * carry personal data; the docs' static assets keep their own). Register before app.init().
 */
export async function installHttpHardening(fastify: FastifyInstance, options: HttpHardening, resolver: PrincipalResolver): Promise<void> {
  // Helmet's middleware, built once: @fastify/helmet built it again (and parsed the CSP) on every request.
  const securityHeaders = helmet({ contentSecurityPolicy: contentSecurityPolicy(options.connectOrigins) });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  if (options.corsOrigins?.length) {
    await fastify.register(cors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }
  if (options.rateLimit) {
    const { max, windowSeconds } = options.rateLimit;
    await fastify.register(rateLimit, {
      global: true,
      max,
      timeWindow: windowSeconds * 1000,
      keyGenerator: rateLimitKey(resolver),
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(429, 'too-many-requests', `Too many requests: at most ${max} per ${windowSeconds} s. Retry after ${context.after}.`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
    });
  }
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
