import { randomBytes } from 'node:crypto';
import { parseMasterKey, unwrapDataKey, wrapDataKey } from './master-key';
import { isSealed, newDataKey, open, seal } from './personal-data.cipher';

describe('personal data cipher', () => {
  const personal = { lastName: 'Dupré-Ngọc', phone: '06 12 34 56 78', note: 'Hébergée chez sa sœur 🏠' };

  it('round-trips a personal sub-object and hides it in the sealed form', () => {
    const key = newDataKey();
    const sealed = seal(personal, key, 'household-1');
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('Dupré');
    expect(open(sealed, key)).toEqual(personal);
  });

  it('cannot be opened with another key, nor moved to another household', () => {
    const key = newDataKey();
    const sealed = seal(personal, key, 'household-1');
    expect(() => open(sealed, newDataKey())).toThrow();
    expect(() => open({ ...sealed, kid: 'household-2' }, key)).toThrow();
  });

  it('detects a tampered ciphertext', () => {
    const key = newDataKey();
    const sealed = seal(personal, key, 'h');
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(() => open({ ...sealed, ct: ct.toString('base64') }, key)).toThrow();
  });

  it('wraps data keys under the master key, bound to the household', () => {
    const master = parseMasterKey(`k7:${randomBytes(32).toString('base64')}`);
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(dataKey, master, 'h-1');
    expect(wrapped.kid).toBe('k7');
    expect(unwrapDataKey(wrapped, master, 'h-1').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(wrapped, master, 'h-2')).toThrow();
  });

  it('rejects a malformed master key with an example of the right form', () => {
    expect(() => parseMasterKey('short')).toThrow(/MASTER_KEY must be/);
  });
});
