import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { RequestWithPrincipal } from '../principal/principal';

/** What the request line says beyond method and status, known only once the route and the guard have run. */
export interface RequestLogContext {
  /** The route's pattern (`/trajectories/:id`), never the URL: ids and query strings stay out of the log. */
  route?: string;
  actor?: { id: string; role: string };
}

const FASTIFY_REQUEST = Symbol('fastifyRequest');
type LinkedMessage = IncomingMessage & { [FASTIFY_REQUEST]?: FastifyRequest };

/**
 * pino-http sees Node's raw request, the guard annotates Fastify's: this hook links the one to the
 * other, so the line written when the answer ends reads the route and the authenticated actor,
 * answers written straight to the socket (the feeds' event streams) included.
 */
export function installRequestLogContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request.raw as LinkedMessage)[FASTIFY_REQUEST] = request;
    done();
  });
}

export function requestLogContext(raw: IncomingMessage): RequestLogContext {
  const request = (raw as LinkedMessage)[FASTIFY_REQUEST];
  if (!request) return {};
  const principal = (request as unknown as RequestWithPrincipal).principal;
  return { route: request.routeOptions.url, actor: principal ? { id: principal.id, role: principal.role } : undefined };
}
