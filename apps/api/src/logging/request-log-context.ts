import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { RequestWithPrincipal } from '../principal/principal';

/** What the request line says beyond method and status, known only once the route and the guard have run. */
export interface RequestLogContext {
  /** The route's pattern (`/trajectories/:id`), never the URL: ids and query strings stay out of the log. */
  route?: string;
  actor?: { id: string; role: string };
}

const CONTEXT = Symbol('requestLogContext');
type AnnotatedMessage = IncomingMessage & { [CONTEXT]?: RequestLogContext };

/**
 * pino-http sees Node's raw request, the guard sees Fastify's: this hook copies the route pattern
 * and the authenticated actor from the one to the other just before the answer is written.
 */
export function installRequestLogContext(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, _reply, payload) => {
    const principal = (request as unknown as RequestWithPrincipal).principal;
    (request.raw as AnnotatedMessage)[CONTEXT] = {
      route: request.routeOptions.url,
      actor: principal ? { id: principal.id, role: principal.role } : undefined,
    };
    return payload;
  });
}

export function requestLogContext(request: IncomingMessage): RequestLogContext {
  return (request as AnnotatedMessage)[CONTEXT] ?? {};
}
