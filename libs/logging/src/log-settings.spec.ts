import { LogConfigurationError, readLogSettings } from './log-settings';

describe('readLogSettings', () => {
  it('defaults to info as JSON', () => {
    expect(readLogSettings({})).toEqual({ level: 'info', format: 'json' });
    expect(readLogSettings({ LOG_LEVEL: ' ', LOG_FORMAT: '' })).toEqual({ level: 'info', format: 'json' });
  });

  it('takes the process\'s own default level when LOG_LEVEL is unset', () => {
    expect(readLogSettings({}, 'warn').level).toBe('warn');
    expect(readLogSettings({ LOG_LEVEL: 'info' }, 'warn').level).toBe('info');
  });

  it('accepts every pino level and the pretty format', () => {
    expect(readLogSettings({ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty' })).toEqual({ level: 'debug', format: 'pretty' });
    expect(readLogSettings({ LOG_LEVEL: 'silent' }).level).toBe('silent');
  });

  it.each([
    ['LOG_LEVEL', 'verbose'],
    ['LOG_LEVEL', 'INFO'],
    ['LOG_LEVEL', 'warning'],
    ['LOG_FORMAT', 'text'],
  ])('refuses %s=%s at start-up, naming the accepted values', (name, value) => {
    expect(() => readLogSettings({ [name]: value })).toThrow(LogConfigurationError);
    expect(() => readLogSettings({ [name]: value })).toThrow(new RegExp(`${name} must be one of .*got "${value}"`));
  });
});
