import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

/**
 * Personal fields are stored as one sealed envelope per event, under the household's own data key,
 * so destroying that key makes every copy of them unreadable (crypto-shredding) while the
 * categorical facts beside them stay in clear for statistics.
 */
export interface SealedPersonal {
  $sealed: 'aes-256-gcm';
  /** Which key sealed it: the household id for personal data, the master key id for a wrapped data key. */
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

/** What readers see once the household's key is gone. */
export const ERASED = Object.freeze({ $erased: true as const });
export type ErasedPersonal = typeof ERASED;

/** What readers see of an altered event's personal data that no longer opens (its stream's chain is broken there). */
export const ALTERED = Object.freeze({ $altered: true as const });

export function isErased(value: unknown): value is ErasedPersonal {
  return typeof value === 'object' && value !== null && (value as { $erased?: unknown }).$erased === true;
}

const KEY_BYTES = 32;
// 96-bit random IVs: NIST's limit of 2^32 messages per key is far beyond one household's events.
const IV_BYTES = 12;

/** A fresh random data key, in a buffer of its own (zeroing it touches nothing else). */
export function newDataKey(): Buffer {
  return Buffer.from(poolBytes(KEY_BYTES));
}

/** IVs and keys are cut from a pool of random bytes drawn at once: one call to the CSPRNG per few hundred seals, not one each. */
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let poolOffset = 0;

/** `n` fresh random bytes, never handed out twice. The pool is replaced, never refilled in place, so bytes handed out never change. */
function poolBytes(n: number): Buffer {
  if (poolOffset + n > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL_BYTES);
    poolOffset = 0;
  }
  const bytes = randomPool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return bytes;
}

const nextIv = (): Buffer => poolBytes(IV_BYTES);

/**
 * `aad` is authenticated but not stored: the opener must know it. Binding it to where the
 * ciphertext belongs (household, event) means an envelope copied elsewhere does not open.
 */
export function seal(value: unknown, key: Buffer, kid: string, aad = kid): SealedPersonal {
  return sealJson(JSON.stringify(value), key, kid, aad);
}

/** seal() of a value already printed as JSON: what open() gives back is JSON.parse(json). */
export function sealJson(json: string, key: Buffer, kid: string, aad = kid): SealedPersonal {
  assertKey(key);
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keyObjectOf(key), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  return { $sealed: 'aes-256-gcm', kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Throws when the key, the aad or a single bit of the envelope is wrong. */
export function open<T = unknown>(sealed: SealedPersonal, key: Buffer, aad = sealed.kid): T {
  assertKey(key);
  const decipher = createDecipheriv('aes-256-gcm', keyObjectOf(key), Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
}

export function isSealed(value: unknown): value is SealedPersonal {
  return typeof value === 'object' && value !== null && (value as { $sealed?: unknown }).$sealed === 'aes-256-gcm';
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
}

/** Key objects by key buffer: Node imports a raw key again on every cipher otherwise. Keyed by the buffer itself, so a key's object lives as long as it does. */
const keyObjects = new WeakMap<Buffer, { bytes: string; object: KeyObject }>();

function keyObjectOf(key: Buffer): KeyObject {
  const bytes = key.toString('base64');
  const known = keyObjects.get(key);
  // A buffer changed in place since (never done here, but possible) gets a new key object.
  if (known && known.bytes === bytes) return known.object;
  const object = createSecretKey(key);
  keyObjects.set(key, { bytes, object });
  return object;
}
