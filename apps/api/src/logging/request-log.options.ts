import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../../../libs/logging/src';
import type { Options } from 'pino-http';
import { requestLogContext } from './request-log-context';

/** pino-http's stand-in when a 5xx carries no error of its own: its stack would only point at pino-http. */
const SYNTHETIC_ERROR = /^failed with status code \d+$/;

type LoggedResponse = ServerResponse & { err?: unknown };

/**
 * One line per request: request id (the X-Request-Id correlation id), method, route pattern,
 * status, duration, actor id and role; a 5xx also carries the error and its stack (the exception
 * filter hands it over as `res.err`). Deliberately absent: URL, query string, headers, body.
 */
export function requestLogOptions(logger: Logger): Options {
  return {
    logger,
    // Fastify's id (the client's sane X-Request-Id, or a UUID), copied onto the raw request by middie.
    genReqId: (request) => (request as IncomingMessage & { id?: string }).id ?? randomUUID(),
    customAttributeKeys: { reqId: 'requestId' },
    // Bind only the request id to loggers made for a request: never the serialized request.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (request, response, value: { responseTime: number }) => requestLine(request, response.statusCode, value.responseTime),
    customErrorObject: (request, response, error, value: { responseTime: number }) => {
      const cause = (response as LoggedResponse).err ?? (SYNTHETIC_ERROR.test(error.message) ? undefined : error);
      return { ...requestLine(request, response.statusCode, value.responseTime), ...(cause ? { err: cause } : {}) };
    },
    customSuccessMessage: (request, response) => requestSummary(request, response.statusCode),
    customErrorMessage: (request, response) => requestSummary(request, response.statusCode),
  };
}

export function requestLine(request: IncomingMessage, status: number, durationMs: number) {
  const { route, actor } = requestLogContext(request);
  return {
    method: request.method,
    route: route ?? null,
    status,
    durationMs,
    ...(actor ? { actorId: actor.id, actorRole: actor.role } : {}),
  };
}

export function requestSummary(request: IncomingMessage, status: number): string {
  return `${request.method} ${requestLogContext(request).route ?? '(no route)'} ${status}`;
}
