import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../create-logger';
import type { LogLevel } from '../log-settings';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, as written. */
  lines(): string[];
  /** Every line, parsed. */
  records(): Record<string, unknown>[];
}

/** A real logger (same options as production) whose destination is kept in memory. */
export function captureLog(service = 'api', level: LogLevel = 'trace'): CapturedLog {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger({ service, level, destination }),
    lines: () => [...lines],
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
