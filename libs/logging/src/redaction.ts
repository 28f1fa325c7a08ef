/**
 * Paths pino censors in every line, whoever logs. Request lines never carry headers, bodies or
 * query strings in the first place (see the API's request-log options); this list is the second
 * lock, for a careless `logger.info({ headers })` or an object that carries a credential.
 */
export const REDACTED_PATHS: string[] = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.authorization',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'masterKey',
  '*.masterKey',
  'apiKey',
  '*.apiKey',
];

export const REDACTED = '[redacted]';
