import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, seal, type SealedPersonal } from './personal-data.cipher';

export const MASTER_KEY_FILE = 'master-key';

/** A master key wraps the households' data keys; it never touches an event. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** MASTER_KEY is `<id>:<base64 of 32 bytes>`; a bare base64 value gets the id "k1". */
export function parseMasterKey(value: string): MasterKey {
  const [id, encoded] = value.includes(':') ? (value.split(':', 2) as [string, string]) : ['k1', value];
  const key = Buffer.from(encoded.trim(), 'base64');
  if (key.length !== 32 || !/^[\w.-]{1,64}$/.test(id)) {
    throw new Error('MASTER_KEY must be "<id>:<base64 of 32 random bytes>", e.g. k1:' + randomBytes(32).toString('base64'));
  }
  return { id, key };
}

/** On the embedded default the master key is generated beside the data, readable by its owner only. */
export function loadOrCreateMasterKey(dataDir: string): MasterKey {
  const file = join(dataDir, MASTER_KEY_FILE);
  if (existsSync(file)) return parseMasterKey(readFileSync(file, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  const value = `k1:${randomBytes(32).toString('base64')}`;
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return parseMasterKey(value);
}

export function wrapDataKey(dataKey: Buffer, master: MasterKey, householdId: string): SealedPersonal {
  return seal(dataKey.toString('base64'), master.key, master.id, `data-key:${householdId}`);
}

export function unwrapDataKey(wrapped: SealedPersonal, master: MasterKey, householdId: string): Buffer {
  return Buffer.from(open<string>(wrapped, master.key, `data-key:${householdId}`), 'base64');
}
