import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleMayRun } from '../auth/command-scope';
import type { RequestWithPrincipal } from '../principal/principal';
import { toProblem } from './problem-details.mapper';
import { localiseProblem } from './problem-language';
import { sendProblem } from './send-problem';

/**
 * The one place every failure becomes an RFC 9457 body. An unexpected failure is handed to the
 * request line (pino-http logs `res.err` with its stack and the request id): one line per request.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, unexpected } = toProblem(exception, request.url);
    if (unexpected) (reply.raw as typeof reply.raw & { err?: unknown }).err = exception instanceof Error ? exception : new Error(String(exception));
    // A refusal's "what may be done now" is narrowed to what the caller's role may run, as in the trajectory's view.
    const role = (request as unknown as RequestWithPrincipal).principal?.role;
    const allowed = (problem as { allowedCommands?: unknown }).allowedCommands;
    const narrowed = role && Array.isArray(allowed) ? { ...problem, allowedCommands: allowed.filter((name) => typeof name === 'string' && roleMayRun(name, role)) } : problem;
    sendProblem(reply, { ...localiseProblem(narrowed, request.headers['accept-language']), requestId: request.id });
  }
}
