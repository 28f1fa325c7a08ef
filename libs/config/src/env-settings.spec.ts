import { ConfigurationError, readBooleanSetting, readEnumSetting } from './env-settings';

describe('env settings', () => {
  it('reads true and false, in any case and with spaces around; unset or blank is the fallback', () => {
    expect(readBooleanSetting({ FLAG: 'true' }, 'FLAG', false)).toBe(true);
    expect(readBooleanSetting({ FLAG: ' FALSE ' }, 'FLAG', true)).toBe(false);
    expect(readBooleanSetting({}, 'FLAG', true)).toBe(true);
    expect(readBooleanSetting({ FLAG: '  ' }, 'FLAG', false)).toBe(false);
    expect(readBooleanSetting({}, 'FLAG')).toBeUndefined();
  });

  it.each(['maybe', 'yes', '1', 'on', 'tru'])('refuses %j with one line naming the variable', (value) => {
    const read = () => readBooleanSetting({ RUN_PROJECTIONS_IN_API: value }, 'RUN_PROJECTIONS_IN_API', true);
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(`RUN_PROJECTIONS_IN_API must be true or false, got "${value}".`);
  });

  it('reads an enum case-insensitively as its canonical spelling, and refuses anything else', () => {
    expect(readEnumSetting({ RETENTION_JOB: 'OFF' }, 'RETENTION_JOB', ['on', 'off'] as const, 'on')).toBe('off');
    expect(readEnumSetting({}, 'RETENTION_JOB', ['on', 'off'] as const, 'on')).toBe('on');
    expect(() => readEnumSetting({ RETENTION_JOB: 'disabled' }, 'RETENTION_JOB', ['on', 'off'] as const, 'on')).toThrow(
      'RETENTION_JOB must be one of on, off, got "disabled".',
    );
  });

  it('never echoes a control character, and keeps the line short', () => {
    const error = (() => {
      try {
        readBooleanSetting({ FLAG: `\u001b[2J${'x'.repeat(100)}` }, 'FLAG');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe(`FLAG must be true or false, got "\\u001b[2J${'x'.repeat(36)}…".`);
    expect(error?.message).not.toContain('\n');
  });
});
