/**
 * RFC 9457 problem details. `code` is the stable, machine-readable reason clients switch on; `type`
 * is derived from it so the two never disagree.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  reason: string;
  /** The same reason in French, where the check has one (trajectory command bodies). */
  reasonFr?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TYPE_PREFIX = 'urn:accompagnement:problem:';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
}

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  // Extensions come first so they can never overwrite the standard members.
  return { ...extensions, type: `${TYPE_PREFIX}${code}`, title: titleFor(status), status, detail, instance, code };
}
