import { Writable } from 'node:stream';

/** Fields every line has, shown in the line's head rather than as key=value. */
const HEAD = new Set(['time', 'level', 'msg', 'service', 'pid', 'err']);

/**
 * LOG_FORMAT=pretty: each JSON line turned into `12:00:00.123 INFO  api  message key=value`, an
 * error's stack on the lines below. A few lines instead of pino-pretty and its dozen dependencies.
 */
export function prettyLogStream(write: (text: string) => void): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      write(lines.filter(Boolean).map(formatLogLine).join(''));
      done();
    },
  });
}

export function formatLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return `${json}\n`;
  }
  const time = typeof record.time === 'string' ? record.time.slice(11, 23) : '';
  const level = String(record.level ?? '').toUpperCase().padEnd(5);
  const fields = Object.entries(record)
    .filter(([key]) => !HEAD.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [time, level, record.service, record.msg, ...fields].filter((part) => part !== undefined && part !== '').join(' ');
  const err = record.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = err ? `\n    ${String(err.stack ?? err.message).replace(/\n/g, '\n    ')}` : '';
  return `${head}${stack}\n`;
}
