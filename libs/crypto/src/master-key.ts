import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, seal, type SealedPersonal } from './personal-data.cipher';

/** In DATA_DIR: the current master key, and the ones it replaced (kept so rows not yet rewrapped stay readable). */
export const MASTER_KEY_FILE = 'master-key';
export const PREVIOUS_MASTER_KEYS_FILE = 'master-key.previous';

/** A master key wraps the households' data keys; it never touches an event. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export class MasterKeyFormatError extends Error {
  readonly code = 'malformed-master-key';
}

const ID = /^[\w.-]{1,64}$/;

/**
 * MASTER_KEY is `<id>:<base64 of 32 bytes>`; a bare base64 value gets the id "k1". The message
 * never repeats the value it was given: a mistyped key is still mostly a key.
 */
export function parseMasterKey(value: string, variable = 'MASTER_KEY'): MasterKey {
  const text = value.trim();
  const [id, encoded] = text.includes(':') ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)] : ['k1', text];
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length !== 32 || !ID.test(id)) {
    const why = !ID.test(id) ? 'its id (before ":") must be 1-64 letters, digits, ".", "_" or "-"' : `its key decodes to ${key.length} bytes, not 32`;
    throw new MasterKeyFormatError(`${variable} is malformed: ${why}. Expected "<id>:<base64 of 32 random bytes>", e.g. ${formatMasterKey(generateMasterKey('k1'))}`);
  }
  return { id, key };
}

export function formatMasterKey(master: MasterKey): string {
  return `${master.id}:${master.key.toString('base64')}`;
}

export function generateMasterKey(id: string): MasterKey {
  return { id, key: randomBytes(32) };
}

/** k1, k2, …: one more than the highest numbered id already in use. */
export function nextMasterKeyId(used: readonly string[]): string {
  const numbers = used.map((id) => /^k(\d+)$/.exec(id)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `k${Math.max(0, ...numbers) + 1}`;
}

/** The current key in DATA_DIR, or undefined when none was generated there yet. */
export function readMasterKeyFile(dataDir: string): MasterKey | undefined {
  const file = join(dataDir, MASTER_KEY_FILE);
  return existsSync(file) ? parseMasterKey(readFileSync(file, 'utf8'), file) : undefined;
}

export function readPreviousMasterKeysFile(dataDir: string): MasterKey[] {
  const file = join(dataDir, PREVIOUS_MASTER_KEYS_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line, i) => parseMasterKey(line, `${file} line ${i + 1}`));
}

/** On the embedded default the master key is generated beside the data, readable by its owner only. */
export function loadOrCreateMasterKey(dataDir: string): MasterKey {
  const existing = readMasterKeyFile(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const created = generateMasterKey('k1');
  try {
    writeFileSync(join(dataDir, MASTER_KEY_FILE), `${formatMasterKey(created)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it between our check and our write: theirs is the key.
    if ((error as { code?: string }).code === 'EEXIST') return readMasterKeyFile(dataDir) as MasterKey;
    throw error;
  }
  chmodSync(join(dataDir, MASTER_KEY_FILE), 0o600);
  return created;
}

/**
 * Makes `next` the data dir's current key and keeps the one it replaces in master-key.previous.
 * The previous list is written first and the key file replaced by a rename, so a crash at any point
 * leaves every key that may wrap a row somewhere in the two files.
 */
export function installMasterKeyFile(dataDir: string, next: MasterKey): void {
  const current = readMasterKeyFile(dataDir);
  const previous = readPreviousMasterKeysFile(dataDir);
  if (current && current.id !== next.id && !previous.some((p) => p.id === current.id)) {
    const lines = [...previous, current].map(formatMasterKey).join('\n');
    writeFileSync(join(dataDir, PREVIOUS_MASTER_KEYS_FILE), `# master keys replaced by a rotation, newest last: keep until rotate-master-key --status shows none in use\n${lines}\n`, { mode: 0o600 });
    chmodSync(join(dataDir, PREVIOUS_MASTER_KEYS_FILE), 0o600);
  }
  const temp = join(dataDir, `${MASTER_KEY_FILE}.${process.pid}.tmp`);
  writeFileSync(temp, `${formatMasterKey(next)}\n`, { mode: 0o600 });
  renameSync(temp, join(dataDir, MASTER_KEY_FILE));
}

export function wrapDataKey(dataKey: Buffer, master: MasterKey, householdId: string): SealedPersonal {
  return seal(dataKey.toString('base64'), master.key, master.id, `data-key:${householdId}`);
}

export function unwrapDataKey(wrapped: SealedPersonal, master: MasterKey, householdId: string): Buffer {
  return Buffer.from(open<string>(wrapped, master.key, `data-key:${householdId}`), 'base64');
}
