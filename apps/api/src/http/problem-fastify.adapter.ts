import { randomUUID } from 'node:crypto';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../../../libs/logging/src';
import { requestLine, requestSummary } from '../logging/request-log.options';
import { toProblem } from '../problem-details/problem-details.mapper';
import { sendProblem } from '../problem-details/send-problem';
import { installBoundedJsonParser } from './bounded-json.parser';
import { BODY_LIMIT_BYTES, translateFastifyError } from './fastify-errors';
import { installRequestInputCheck } from './request-input.hooks';
import { serveDirectory } from './static-assets';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify, configured so that every answer to a bad request is a problem-details body: errors raised
 * by Fastify itself (body parsing, URL decoding) are translated before Nest's exception layer sees
 * them, and those Fastify answers alone (frameworkErrors) are rendered here.
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  /** `logger`: where the requests the router refuses before any hook (so before pino-http) are logged. */
  constructor(options: { logger?: Logger } = {}) {
    super({
      bodyLimit: BODY_LIMIT_BYTES,
      // The correlation id recorded in event metadata: the client's X-Request-Id when it is sane,
      // otherwise ours. Never trust a header verbatim into the log.
      requestIdHeader: false,
      genReqId: (request: IncomingMessage) => {
        const header = request.headers['x-request-id'];
        return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
      },
      frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
        const { problem } = toProblem(translateFastifyError(error), request.url);
        sendProblem(reply, problem);
        options.logger?.info({ requestId: request.id, ...requestLine(request.raw, problem.status, 0) }, requestSummary(request.raw, problem.status));
      },
    });
    const fastify = this.getInstance() as FastifyInstance;
    // Only JSON is accepted: a text/plain body would otherwise reach the validation pipe as a string.
    fastify.removeContentTypeParser('text/plain');
    installBoundedJsonParser(fastify);
    installRequestInputCheck(fastify);
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
  }

  /** Only @nestjs/swagger calls this (for its UI assets); see serveDirectory. */
  override useStaticAssets(options: Parameters<FastifyAdapter['useStaticAssets']>[0]): this {
    const { root: roots, prefix } = options as { root?: string | string[]; prefix?: string };
    const root = Array.isArray(roots) ? roots[0] : roots;
    if (!root) throw new Error('useStaticAssets needs a root directory');
    serveDirectory(this.getInstance() as FastifyInstance, root, prefix ?? '/');
    return this;
  }

  override setErrorHandler(handler: Parameters<FastifyAdapter['setErrorHandler']>[0]) {
    return super.setErrorHandler(function (this: FastifyInstance, error, request, reply) {
      return handler.call(this, translateFastifyError(error) as typeof error, request, reply);
    });
  }
}
