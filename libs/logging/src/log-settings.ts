import { readEnumSetting } from '../../config/src';

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

/** The settings readers' error (libs/config), printed by describeStartupFailure as one line without a class name. */
export { ConfigurationError as LogConfigurationError } from '../../config/src';

/**
 * LOG_LEVEL and LOG_FORMAT, read strictly: a misspelt level must stop start-up rather than
 * silently log at another level (or not at all) in production.
 */
export function readLogSettings(env: NodeJS.ProcessEnv = process.env, defaultLevel: LogLevel = 'info'): LogSettings {
  return {
    level: readEnumSetting(env, 'LOG_LEVEL', LOG_LEVELS, defaultLevel),
    format: readEnumSetting(env, 'LOG_FORMAT', LOG_FORMATS, 'json'),
  };
}
