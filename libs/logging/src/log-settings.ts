/** pino's levels, least verbose first; `silent` logs nothing. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `json`: one JSON object a line (collectors); `pretty`: one readable line, for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
}

/** Its name matches what describeStartupFailure prints as one line without a class name. */
export class LogConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogConfigurationError';
  }
}

/**
 * LOG_LEVEL and LOG_FORMAT, read strictly: a misspelt level must stop start-up rather than
 * silently log at another level (or not at all) in production.
 */
export function readLogSettings(env: NodeJS.ProcessEnv = process.env, defaultLevel: LogLevel = 'info'): LogSettings {
  return {
    level: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, defaultLevel),
    format: oneOf('LOG_FORMAT', env.LOG_FORMAT, LOG_FORMATS, 'json'),
  };
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  const value = raw?.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new LogConfigurationError(`${name} must be one of ${allowed.join(', ')}; got "${value}".`);
}
