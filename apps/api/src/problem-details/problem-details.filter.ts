import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    sendProblem(reply, { ...localiseProblem(problem, request.headers['accept-language']), requestId: request.id });
  }
}
