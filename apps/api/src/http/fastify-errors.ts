import { HttpProblem } from '../problem-details/http-problem';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify rejects some requests before any Nest handler runs (body parsing, URL decoding). Nest would
 * turn those into bare HttpExceptions and lose Fastify's error code, or (for errors it does not
 * recognise) into a 500. Translating them here keeps every client mistake a 4xx with a stable code.
 */
export function translateFastifyError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return HttpProblem.badRequest('malformed-json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return HttpProblem.badRequest('malformed-json', 'The request body is empty although Content-Type is application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'payload-too-large', `The request body is larger than ${BODY_LIMIT_BYTES} bytes.`, {
        limitBytes: BODY_LIMIT_BYTES,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'unsupported-media-type', 'Send the request body as application/json.', {
        accepted: ['application/json'],
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return HttpProblem.badRequest('invalid-content-length', 'Content-Length does not match the body received.');
    case 'FST_ERR_BAD_URL':
      return HttpProblem.badRequest('malformed-url', 'The URL is not valid (bad percent-encoding?).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new HttpProblem(414, 'url-too-long', 'A path segment of the URL is too long.');
  }
  if (error.name === 'FastifyError' && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new HttpProblem(statusCode, 'bad-request', error.message);
  }
  return error;
}
