import { CachedTokenVerifier, type TokenVerification } from './cached-token.verifier';
import { mintToken } from './token.minter';
import { TokenVerifier } from './token.verifier';

const secret = 'a-secret-for-the-verification-cache-spec';

/** The real verifier, with its calls counted and its verdict switchable (a later check, e.g. token age, refusing). */
function countingVerifier() {
  const real = new TokenVerifier({ keys: { kind: 'secret', secret } });
  const state = { calls: 0, refuse: false };
  const verifier: TokenVerification = {
    verify: async (authorization) => {
      state.calls++;
      if (state.refuse) throw new Error('refused by the verifier');
      return real.verify(authorization);
    },
  };
  return { verifier, state };
}

describe('CachedTokenVerifier', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = Date.now();
  });

  it('verifies a token once, then replays the verdict', async () => {
    const { verifier, state } = countingVerifier();
    const cached = new CachedTokenVerifier(verifier, { now });
    const header = `Bearer ${await mintToken({ secret, subject: 'u-1', role: 'coordinator' })}`;
    const first = await cached.verify(header);
    const second = await cached.verify(header);
    expect(second).toEqual(first);
    expect(state.calls).toBe(1);
    // Each caller gets its own copy.
    second.scopes.push('x');
    expect((await cached.verify(header)).scopes).toEqual([]);
  });

  it('asks the verifier again after the time-to-live, and respects its answer', async () => {
    const { verifier, state } = countingVerifier();
    const cached = new CachedTokenVerifier(verifier, { now, ttlMs: 1000 });
    const header = `Bearer ${await mintToken({ secret, subject: 'u-1', role: 'referent' })}`;
    await cached.verify(header);
    clock += 999;
    await cached.verify(header);
    expect(state.calls).toBe(1);
    clock += 2;
    state.refuse = true;
    await expect(cached.verify(header)).rejects.toThrow('refused by the verifier');
    await expect(cached.verify(header)).rejects.toThrow('refused by the verifier');
    expect(state.calls).toBe(3);
  });

  it('never keeps a verdict past the token exp', async () => {
    const { verifier, state } = countingVerifier();
    const cached = new CachedTokenVerifier(verifier, { now, ttlMs: 3_600_000 });
    const token = await mintToken({ secret, subject: 'u-1', role: 'referent', expiresIn: 60 });
    await cached.verify(`Bearer ${token}`);
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp * 1000;
    clock = exp - 1;
    await cached.verify(`Bearer ${token}`);
    expect(state.calls).toBe(1);
    clock = exp;
    await cached.verify(`Bearer ${token}`).catch(() => undefined);
    expect(state.calls).toBe(2);
  });

  it('caches no refusal and no missing header', async () => {
    const { verifier, state } = countingVerifier();
    const cached = new CachedTokenVerifier(verifier, { now });
    const forged = `Bearer ${await mintToken({ secret: 'another-secret-another-secret', subject: 'u-1', role: 'admin' })}`;
    await expect(cached.verify(forged)).rejects.toMatchObject({ code: 'invalid-token' });
    await expect(cached.verify(forged)).rejects.toMatchObject({ code: 'invalid-token' });
    await expect(cached.verify(undefined)).rejects.toMatchObject({ code: 'authentication-required' });
    expect(state.calls).toBe(3);
    expect(cached.size).toBe(0);
  });

  it('stays within its bound, dropping the least recently used token', async () => {
    const { verifier, state } = countingVerifier();
    const cached = new CachedTokenVerifier(verifier, { now, maxEntries: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (s) => `Bearer ${await mintToken({ secret, subject: s, role: 'referent' })}`));
    await cached.verify(a);
    await cached.verify(b);
    await cached.verify(a);
    await cached.verify(c);
    expect(cached.size).toBe(2);
    state.calls = 0;
    await cached.verify(a);
    await cached.verify(b);
    expect(state.calls).toBe(1);
  });
});
