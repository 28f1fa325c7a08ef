import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatMasterKey,
  generateMasterKey,
  installMasterKeyFile,
  loadOrCreateMasterKey,
  MASTER_KEY_FILE,
  MasterKeyFormatError,
  nextMasterKeyId,
  parseMasterKey,
  PREVIOUS_MASTER_KEYS_FILE,
  readPreviousMasterKeysFile,
  unwrapDataKey,
  wrapDataKey,
} from './master-key';
import { resolveMasterKeyring } from './master-keyring';
import { newDataKey } from './personal-data.cipher';

describe('master keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'master-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses <id>:<base64> and a bare base64 value (id k1)', () => {
    const raw = randomBytes(32);
    expect(parseMasterKey(`k7:${raw.toString('base64')}`)).toEqual({ id: 'k7', key: raw });
    expect(parseMasterKey(` ${raw.toString('base64')}\n`)).toEqual({ id: 'k1', key: raw });
  });

  it('rejects a malformed key with the expected form, never echoing what it was given', () => {
    const short = `k1:${randomBytes(16).toString('base64')}`;
    expect(() => parseMasterKey(short)).toThrow(MasterKeyFormatError);
    expect(() => parseMasterKey(short)).toThrow(/MASTER_KEY is malformed: its key decodes to 16 bytes, not 32/);
    try {
      parseMasterKey(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short.slice(3));
    }
    expect(() => parseMasterKey(`bad id!:${randomBytes(32).toString('base64')}`)).toThrow(/its id/);
    expect(() => parseMasterKey('k1:not base64 at all!!')).toThrow(/decodes to 0 bytes/);
  });

  it('wraps data keys under the master key, bound to the household', () => {
    const master = generateMasterKey('k7');
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(dataKey, master, 'h-1');
    expect(wrapped.kid).toBe('k7');
    expect(unwrapDataKey(wrapped, master, 'h-1').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(wrapped, master, 'h-2')).toThrow();
    expect(() => unwrapDataKey(wrapped, generateMasterKey('k7'), 'h-1')).toThrow();
  });

  it('generates the embedded key once, owner-readable only, and finds it again', () => {
    const first = loadOrCreateMasterKey(dir);
    expect(first.id).toBe('k1');
    expect(statSync(join(dir, MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKey(dir)).toEqual(first);
  });

  it('installs a new key and keeps the replaced ones readable', () => {
    const k1 = loadOrCreateMasterKey(dir);
    const k2 = generateMasterKey(nextMasterKeyId([k1.id]));
    installMasterKeyFile(dir, k2);
    const k3 = generateMasterKey(nextMasterKeyId([k1.id, k2.id]));
    installMasterKeyFile(dir, k3);
    expect(k3.id).toBe('k3');
    expect(readFileSync(join(dir, MASTER_KEY_FILE), 'utf8').trim()).toBe(formatMasterKey(k3));
    expect(readPreviousMasterKeysFile(dir)).toEqual([k1, k2]);
    expect(statSync(join(dir, PREVIOUS_MASTER_KEYS_FILE)).mode & 0o777).toBe(0o600);
    const ring = resolveMasterKeyring({ dataDir: dir });
    expect(ring).toMatchObject({ current: k3, previous: [k1, k2], source: 'data-dir' });
  });
});

describe('master keyring from the environment', () => {
  const k1 = generateMasterKey('k1');
  const k2 = generateMasterKey('k2');

  it('takes MASTER_KEY over the data dir, with MASTER_KEY_PREVIOUS', () => {
    const ring = resolveMasterKeyring({ masterKey: formatMasterKey(k2), previous: `${formatMasterKey(k1)}, `, dataDir: '/nonexistent', create: true });
    expect(ring).toMatchObject({ current: k2, previous: [k1], source: 'env' });
    expect(ring?.description).toBe('MASTER_KEY k2 (+1 previous)');
    expect(ring?.description).not.toContain(k2.key.toString('base64'));
  });

  it('names the variable that is wrong', () => {
    expect(() => resolveMasterKeyring({ masterKey: 'k1:abc' })).toThrow(/^MASTER_KEY is malformed/);
    expect(() => resolveMasterKeyring({ masterKey: formatMasterKey(k2), previous: 'k1:abc' })).toThrow(/^MASTER_KEY_PREVIOUS \(key 1\) is malformed/);
    expect(() => resolveMasterKeyring({ previous: formatMasterKey(k1) })).toThrow(/without MASTER_KEY/);
    expect(() => resolveMasterKeyring({ masterKey: formatMasterKey(k1), previous: formatMasterKey(generateMasterKey('k1')) })).toThrow(/share the id "k1"/);
  });

  it('reads a data dir without creating anything unless asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'master-ring-'));
    try {
      expect(resolveMasterKeyring({ dataDir: dir })).toBeUndefined();
      const created = resolveMasterKeyring({ dataDir: dir, create: true });
      expect(created?.current.id).toBe('k1');
      expect(resolveMasterKeyring({ dataDir: dir })?.current).toEqual(created?.current);
      writeFileSync(join(dir, MASTER_KEY_FILE), 'k1:garbage\n');
      expect(() => resolveMasterKeyring({ dataDir: dir })).toThrow(/master-key is malformed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
