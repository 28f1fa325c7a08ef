import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogSettings } from './log-settings';
import { prettyLogStream } from './pretty-log.stream';
import { REDACTED, REDACTED_PATHS } from './redaction';
import { writeSync } from 'node:fs';

export type { Logger } from 'pino';

export interface CreateLoggerOptions extends Partial<LogSettings> {
  /** `api`, `worker`, `cli`: on every line, to tell the processes apart in one collector. */
  service: string;
  /** Where JSON lines go instead of the file descriptor (tests capture them). */
  destination?: DestinationStream;
  /** 1 (stdout, default) or 2: the CLI logs to stderr, its stdout is the command's output. */
  fd?: 1 | 2;
}

/**
 * The one way a process makes its logger: JSON lines with an ISO time and the level's name,
 * credentials censored, written synchronously so the last line before an exit is not lost.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const fd = options.fd ?? 1;
  const destination =
    options.destination ?? (options.format === 'pretty' ? prettyLogStream((text) => writeSync(fd, text)) : pino.destination({ fd, sync: true }));
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
    },
    destination,
  );
}

/** The `{ info, error }` shape the projection runners, the feed relay and the jobs log through. */
export interface MessageLogger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function messageLogger(logger: Logger): MessageLogger {
  return {
    info: (message) => logger.info(message),
    error: (message, error) => (error === undefined ? logger.error(message) : logger.error({ err: error }, message)),
  };
}
