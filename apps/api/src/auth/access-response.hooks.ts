import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../../libs/domain/src';
import type { AccessLog } from '../audit/access-log.repository';
import type { GuardedRequest } from './jwt-auth.guard';
import { shapeResponse } from './response-shapes';

type HookedRequest = GuardedRequest & { shaped?: boolean };

const succeeded = (reply: FastifyReply) => reply.statusCode >= 200 && reply.statusCode < 300;

/**
 * The second half of the access policy, after the guard: the answer a caller gets is narrowed to its
 * grant's shape, and reads of personal data are written to the access log before they leave.
 * Fastify hooks rather than a Nest interceptor, because some controllers answer through the reply
 * object (@Res), which interceptors never see. Install before app.init() so every route gets them.
 */
export function installAccessHooks(fastify: FastifyInstance, deps: { accessLog: AccessLog; clock: Clock }): void {
  fastify.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const { access, principal } = request as HookedRequest;
    if (!access?.grant.shape || !principal || !succeeded(reply)) return payload;
    (request as HookedRequest).shaped = true;
    return shapeResponse(access.grant.shape, payload, principal);
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const { access, principal, shaped } = request as HookedRequest;
    if (!access || !principal || !succeeded(reply)) return payload;
    // A text or stream answer skips preSerialization: sending it unshaped would leak, so fail instead.
    if (access.grant.shape && !shaped) throw new Error(`${request.routeOptions.url} answered without its ${access.grant.shape} shape`);
    // HEAD answers the same route without a body: nothing is read.
    if (access.policy.accessLog && !access.grant.shape && request.method === 'GET') {
      const id = (request.params as Record<string, string | undefined>).id ?? '';
      // Written before the answer leaves: if the log cannot be written, the data is not sent.
      await deps.accessLog.record({
        at: deps.clock.now().toISOString(),
        actor: { id: principal.id, role: principal.role },
        trajectoryId: id.toLowerCase(),
        resource: access.policy.accessLog,
        correlationId: request.id,
      });
    }
    return payload;
  });
}
