import { describeStartupFailure } from './describe-startup-failure';
import { StartupError } from './startup-error';

describe('start-up failure line', () => {
  it('prints a known failure as one line, without its class', () => {
    const line = describeStartupFailure(new StartupError('DATABASE_URL is not a valid PostgreSQL URL\n(expected postgres://...)'));
    expect(line).toBe('Start-up failed: DATABASE_URL is not a valid PostgreSQL URL (expected postgres://...)');
  });

  it('explains a busy port', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), { code: 'EADDRINUSE' });
    expect(describeStartupFailure(error)).toMatch(/port is already in use .* set PORT/);
  });

  it('names the class of an unexpected failure and never prints a stack', () => {
    const line = describeStartupFailure(new TypeError('boom'));
    expect(line).toBe('Start-up failed: TypeError: boom');
    expect(line).not.toContain('\n');
  });
});
