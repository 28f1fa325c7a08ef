import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-details.mapper';
import { sendProblem } from './send-problem';

/** The one place every failure becomes an RFC 9457 body. Only unexpected failures are logged. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, unexpected } = toProblem(exception, request.url);
    if (unexpected) {
      this.logger.error(
        `${request.method} ${request.url} failed (request ${request.id})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    sendProblem(reply, { ...problem, requestId: request.id });
  }
}
