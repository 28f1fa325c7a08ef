import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { loadOrCreateAuthSecret } from './auth-secret';
import { mintToken } from './token.minter';
import { TokenVerifier } from './token.verifier';

const secret = 's'.repeat(48);
const verifier = new TokenVerifier({ keys: { kind: 'secret', secret } });

describe('TokenVerifier', () => {
  it('accepts a token minted with the secret and reads role and scopes', async () => {
    const token = await mintToken({ secret, subject: 'u-1', role: 'coordinator', scopes: ['service:nord'] });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({ id: 'u-1', role: 'coordinator', scopes: ['service:nord'] });
  });

  it('refuses a missing header as authentication-required', async () => {
    await expect(verifier.verify(undefined)).rejects.toMatchObject({ code: 'authentication-required', kind: 'unauthorized' });
  });

  it('refuses a token signed with another secret without saying why', async () => {
    const token = await mintToken({ secret: 'x'.repeat(48), subject: 'u-1', role: 'referent' });
    const error = await verifier.verify(`Bearer ${token}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-token' });
    expect((error as Error).message).not.toMatch(/signature/i);
  });

  it('refuses an expired token', async () => {
    const token = await mintToken({ secret, subject: 'u-1', role: 'referent', expiresIn: '1s', now: new Date(Date.now() - 3_600_000) });
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'invalid-token' });
  });

  it('refuses an unknown role and the internal system role', async () => {
    for (const role of ['root', 'system']) {
      const token = await new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setExpirationTime('1h').sign(new TextEncoder().encode(secret));
      await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'invalid-token' });
    }
  });

  it('refuses the "none" algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'u', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    await expect(verifier.verify(`Bearer ${header}.${body}.`)).rejects.toMatchObject({ code: 'invalid-token' });
  });
});

describe('TokenVerifier: maximum token age (AUTH_MAX_TOKEN_AGE)', () => {
  const key = new TextEncoder().encode(secret);
  const now = () => Math.floor(Date.now() / 1000);
  const signed = (claims: { iat?: number; exp: number }) => {
    const jwt = new SignJWT({ role: 'referent' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-1').setExpirationTime(claims.exp);
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    return jwt.sign(key);
  };

  it('refuses, by default, a token issued more than 12 h ago although its exp is far away', async () => {
    const old = await signed({ iat: now() - 12 * 3600 - 120, exp: now() + 30 * 86400 });
    await expect(verifier.verify(`Bearer ${old}`)).rejects.toMatchObject({ code: 'invalid-token' });
    const recent = await signed({ iat: now() - 11 * 3600, exp: now() + 30 * 86400 });
    await expect(verifier.verify(`Bearer ${recent}`)).resolves.toMatchObject({ id: 'u-1' });
  });

  it('applies a configured age', async () => {
    const short = new TokenVerifier({ keys: { kind: 'secret', secret }, maxTokenAgeSeconds: 3600 });
    const token = await signed({ iat: now() - 2 * 3600, exp: now() + 3600 });
    await expect(short.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'invalid-token' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ id: 'u-1' });
  });

  it('refuses a token without iat: its age cannot be known', async () => {
    const token = await signed({ exp: now() + 3600 });
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'invalid-token' });
  });

  it('refuses an iat in the future beyond the clock tolerance, accepts a small skew', async () => {
    const future = await signed({ iat: now() + 300, exp: now() + 3600 });
    await expect(verifier.verify(`Bearer ${future}`)).rejects.toMatchObject({ code: 'invalid-token' });
    const skewed = await signed({ iat: now() + 10, exp: now() + 3600 });
    await expect(verifier.verify(`Bearer ${skewed}`)).resolves.toMatchObject({ id: 'u-1' });
  });
});

describe('auth secret on the embedded default', () => {
  it('is generated once, readable by its owner only, and kept across starts', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'auth-')), 'data');
    const first = loadOrCreateAuthSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAuthSecret(dir)).toBe(first);
  });
});
