import type { FieldError } from './problem-details';

/**
 * An HTTP-level refusal that is not a domain rule (unknown route, unsupported media type, bad
 * header). Domain refusals stay DomainErrors; this class only covers what the HTTP layer decides.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }

  static badRequest(code: string, message: string, errors?: FieldError[]): HttpProblem {
    return new HttpProblem(400, code, message, errors ? { errors } : {});
  }
}
