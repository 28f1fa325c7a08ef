import { readHardeningConfig } from './hardening-config';

describe('readHardeningConfig', () => {
  it('defaults: no CORS origin, 600 requests a minute, tokens at most 12 h old', () => {
    expect(readHardeningConfig({})).toEqual({ http: { corsOrigins: [], rateLimit: { max: 600, windowSeconds: 60 } }, maxTokenAgeSeconds: 43_200 });
  });

  it('reads origins, limits and durations', () => {
    const config = readHardeningConfig({
      CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/',
      RATE_LIMIT_MAX: '50',
      RATE_LIMIT_WINDOW: '10s',
      AUTH_MAX_TOKEN_AGE: '8h',
    });
    expect(config).toEqual({
      http: { corsOrigins: ['https://app.example.org', 'http://localhost:5173'], rateLimit: { max: 50, windowSeconds: 10 } },
      maxTokenAgeSeconds: 8 * 3600,
    });
    expect(readHardeningConfig({ RATE_LIMIT_MAX: 'off', AUTH_MAX_TOKEN_AGE: '3600' })).toMatchObject({ http: { rateLimit: false }, maxTokenAgeSeconds: 3600 });
  });

  it.each([
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'app.example.org'],
    ['CORS_ORIGINS', 'https://app.example.org/path'],
    ['CORS_ORIGINS', 'ftp://files.example.org'],
    ['RATE_LIMIT_MAX', '0'],
    ['RATE_LIMIT_MAX', '10.5'],
    ['RATE_LIMIT_MAX', 'lots'],
    ['RATE_LIMIT_WINDOW', 'soon'],
    ['AUTH_MAX_TOKEN_AGE', '0'],
    ['AUTH_MAX_TOKEN_AGE', '12 hours'],
  ])('stops start-up on %s=%s, naming the variable', (name, value) => {
    expect(() => readHardeningConfig({ [name]: value })).toThrow(expect.objectContaining({ name: 'StartupError', message: expect.stringContaining(name) }));
  });
});
