import { messageLogger } from './create-logger';
import { formatLogLine, prettyLogStream } from './pretty-log.stream';
import { captureLog } from './testing/captured-log';

describe('createLogger', () => {
  it('writes one JSON object a line with the service, an ISO time and the level name', () => {
    const log = captureLog('worker', 'info');
    log.logger.info({ position: 12 }, 'batch applied');
    log.logger.debug('not at info');
    expect(log.records()).toEqual([
      expect.objectContaining({ service: 'worker', level: 'info', msg: 'batch applied', position: 12, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
    ]);
  });

  it('censors credentials wherever a careless call puts them', () => {
    const log = captureLog();
    log.logger.info(
      { headers: { authorization: 'Bearer eyJsecret', accept: 'x' }, req: { headers: { cookie: 'sid=1' } }, config: { secret: 's3', token: 't0k' }, password: 'p' },
      'oops',
    );
    const line = log.lines()[0]!;
    for (const secret of ['eyJsecret', 'sid=1', 's3', 't0k', '"p"']) expect(line).not.toContain(secret);
    expect(line).toContain('"accept":"x"');
    expect(line).toContain('[redacted]');
  });

  it('logs an error with its stack', () => {
    const log = captureLog();
    log.logger.error({ err: new Error('kaput') }, 'failed');
    const err = log.records()[0]!.err as { message: string; stack: string };
    expect(err.message).toBe('kaput');
    expect(err.stack).toMatch(/create-logger\.spec\.ts/);
  });
});

describe('messageLogger', () => {
  it('keeps the error a runner hands over, with its stack', () => {
    const log = captureLog('worker');
    const runner = messageLogger(log.logger);
    runner.info('projection caseload: lock taken');
    runner.error('projection caseload: boom', new Error('boom'));
    expect(log.records().map((r) => [r.level, r.msg])).toEqual([
      ['info', 'projection caseload: lock taken'],
      ['error', 'projection caseload: boom'],
    ]);
    expect((log.records()[1]!.err as { stack: string }).stack).toMatch(/create-logger\.spec\.ts/);
  });
});

describe('the pretty format', () => {
  it('puts time, level, service and message first, other fields as key=value, the stack below', () => {
    const line = formatLogLine(
      JSON.stringify({ time: '2026-01-01T09:00:00.123Z', level: 'error', service: 'api', pid: 1, msg: 'GET /x 500', status: 500, err: { stack: 'Error: x\n    at y' } }),
    );
    expect(line).toBe('09:00:00.123 ERROR api GET /x 500 status=500\n    Error: x\n        at y\n');
  });

  it('reassembles lines split across writes', () => {
    const out: string[] = [];
    const stream = prettyLogStream((t) => out.push(t));
    stream.write('{"level":"info","msg":"he');
    stream.write('llo"}\n');
    expect(out.join('')).toBe('INFO  hello\n');
  });
});
