import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../startup/startup-error';
import { resolveAuth } from './auth-config';

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'auth-config-')), 'data');

describe('token configuration', () => {
  it('uses AUTH_SECRET with the optional issuer and audience', () => {
    const auth = resolveAuth({ authSecret: 'k'.repeat(40), authIssuer: 'https://idp.example', authAudience: 'engine', dataDir: dataDir() });
    expect(auth.options).toEqual({ keys: { kind: 'secret', secret: 'k'.repeat(40) }, issuer: 'https://idp.example', audience: 'engine' });
  });

  it('uses AUTH_JWKS_URL over https (http only on localhost)', () => {
    expect(resolveAuth({ authJwksUrl: 'https://idp.example/jwks.json', dataDir: dataDir() }).options.keys).toEqual({ kind: 'jwks', url: 'https://idp.example/jwks.json' });
    expect(resolveAuth({ authJwksUrl: 'http://localhost:8080/jwks', dataDir: dataDir() }).options.keys.kind).toBe('jwks');
    expect(() => resolveAuth({ authJwksUrl: 'http://idp.example/jwks', dataDir: dataDir() })).toThrow(/https/);
    expect(() => resolveAuth({ authJwksUrl: 'not a url', dataDir: dataDir() })).toThrow(StartupError);
  });

  it('refuses both at once and a short secret', () => {
    expect(() => resolveAuth({ authSecret: 'k'.repeat(40), authJwksUrl: 'https://idp.example/jwks', dataDir: dataDir() })).toThrow(/not both/);
    expect(() => resolveAuth({ authSecret: 'short', dataDir: dataDir() })).toThrow(/at least 32/);
  });

  it('generates a secret into the data directory when neither is set, and keeps it', () => {
    const dir = dataDir();
    const first = resolveAuth({ dataDir: dir });
    expect(first.options.keys).toEqual({ kind: 'secret', secret: readFileSync(join(dir, 'auth-secret'), 'utf8').trim() });
    expect(first.description).toContain(join(dir, 'auth-secret').replace(`${dir}/`, ''));
    expect(resolveAuth({ dataDir: dir }).options).toEqual(first.options);
  });
});
