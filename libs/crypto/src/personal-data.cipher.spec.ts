import { isErased, isSealed, newDataKey, open, seal, ERASED } from './personal-data.cipher';

describe('personal data cipher', () => {
  const personal = { lastName: 'Dupré-Ngọc', phone: '06 12 34 56 78', note: 'Hébergée chez sa sœur 🏠' };

  it('round-trips a personal sub-object and hides it in the sealed form', () => {
    const key = newDataKey();
    const sealed = seal(personal, key, 'household-1');
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('Dupré');
    expect(open(sealed, key)).toEqual(personal);
  });

  it('uses a fresh iv each time: the same value seals to different bytes', () => {
    const key = newDataKey();
    expect(seal(personal, key, 'h').ct).not.toEqual(seal(personal, key, 'h').ct);
  });

  it('never hands out the same iv twice, across refills of its random pool, and an iv never changes once used', () => {
    const key = newDataKey();
    const sealed = Array.from({ length: 1000 }, () => seal(personal, key, 'h'));
    expect(new Set(sealed.map((s) => s.iv)).size).toBe(1000);
    expect(sealed.every((s) => Buffer.from(s.iv, 'base64').length === 12)).toBe(true);
    for (const s of sealed) expect(open(s, key)).toEqual(personal);
  });

  it('gives every new data key bytes of its own: distinct keys, and zeroing one leaves the others intact', () => {
    const keys = Array.from({ length: 300 }, () => newDataKey());
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(300);
    expect(keys.every((k) => k.length === 32)).toBe(true);
    const before = keys[1].toString('hex');
    keys[0].fill(0);
    expect(keys[1].toString('hex')).toBe(before);
    const sealed = seal(personal, keys[2], 'h');
    keys[3].fill(0);
    expect(open(sealed, keys[2])).toEqual(personal);
  });

  it('cannot be opened with another key, nor moved to another household or event', () => {
    const key = newDataKey();
    const sealed = seal(personal, key, 'household-1', 'household-1/event-1');
    expect(() => open(sealed, newDataKey(), 'household-1/event-1')).toThrow();
    expect(() => open({ ...sealed, kid: 'household-2' }, key)).toThrow();
    expect(() => open(sealed, key, 'household-1/event-2')).toThrow();
    expect(open(sealed, key, 'household-1/event-1')).toEqual(personal);
  });

  it('detects a tampered ciphertext', () => {
    const key = newDataKey();
    const sealed = seal(personal, key, 'h');
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(() => open({ ...sealed, ct: ct.toString('base64') }, key)).toThrow();
  });

  it('refuses keys of the wrong length', () => {
    expect(() => seal(personal, Buffer.alloc(16), 'h')).toThrow(/32-byte key/);
  });

  it('marks erased values recognisably', () => {
    expect(isErased(ERASED)).toBe(true);
    expect(isErased({ lastName: 'x' })).toBe(false);
    expect(JSON.parse(JSON.stringify(ERASED))).toEqual({ $erased: true });
  });
});
