import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '../../../../libs/domain/src';
import { isMissingTableError } from '../../../../projections/core/missing-table';
import { HttpProblem } from './http-problem';
import { problem, type ProblemDetails } from './problem-details';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  precondition: 412,
  'too-large': 413,
};

/** Codes for the HttpExceptions Nest raises itself (unknown route, etc.). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route-not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

export interface MappedProblem {
  problem: ProblemDetails;
  /** True when the failure is ours, not the client's: it must be logged with its stack. */
  unexpected: boolean;
}

export function toProblem(error: unknown, instance: string): MappedProblem {
  if (error instanceof DomainError) {
    return { problem: fromDomainError(error, instance), unexpected: false };
  }
  if (error instanceof HttpProblem) {
    return { problem: problem(error.status, error.code, error.message, instance, error.extensions), unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return internal(instance);
    const code = CODE_BY_STATUS[status] ?? `http-${status}`;
    return { problem: problem(status, code, messageOf(error), instance), unexpected: false };
  }
  // The worker creates the read models on PostgreSQL: an API started first has nothing to read yet. A wait, not a bug.
  if (isMissingTableError(error)) return readModelsNotReady(instance);
  return internal(instance);
}

function fromDomainError(error: DomainError, instance: string): ProblemDetails {
  const status = STATUS_BY_KIND[error.kind] ?? 409;
  const { fields, ...details } = error.details as { fields?: unknown } & Record<string, unknown>;
  const extensions: Record<string, unknown> = { ...jsonSafe(details) };
  if (error.kind === 'validation') {
    extensions.errors = Array.isArray(fields) ? fields : [];
  } else if (fields !== undefined) {
    extensions.fields = jsonSafe(fields);
  }
  return problem(status, error.code, error.message, instance, extensions);
}

/** Seconds a client should wait before asking again while the worker creates the read models. */
export const READ_MODELS_RETRY_AFTER_SECONDS = 5;


function readModelsNotReady(instance: string): MappedProblem {
  const code = 'read-models-not-ready';
  return {
    problem: problem(503, code, 'The read models are not ready yet (the worker has not created them): retry in a few seconds.', instance, {
      retryAfterSeconds: READ_MODELS_RETRY_AFTER_SECONDS,
    }),
    unexpected: false,
  };
}

function internal(instance: string): MappedProblem {
  return {
    problem: problem(500, 'internal-error', 'The server failed to handle this request. It has been logged.', instance),
    unexpected: true,
  };
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return error.message;
}

/** Details are domain data; a cycle or a BigInt there must not turn a refusal into a 500. */
function jsonSafe<T>(value: T): T {
  try {
    return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as T;
  } catch {
    return {} as T;
  }
}
