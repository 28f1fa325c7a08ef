import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUTH_SECRET_FILE = 'auth-secret';

/**
 * On the embedded default there is no identity provider: the first start generates an HS256 secret
 * beside the data so `npm run cli -- token` can mint tokens the API accepts. Readable by the owner only.
 */
export function loadOrCreateAuthSecret(dataDir: string): string {
  const existing = readAuthSecret(dataDir);
  if (existing) return existing;
  const file = join(dataDir, AUTH_SECRET_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** The generated secret, when there is one; never creates it (the CLI speaking to a running API). */
export function readAuthSecret(dataDir: string): string | undefined {
  const file = join(dataDir, AUTH_SECRET_FILE);
  if (!existsSync(file)) return undefined;
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length >= 32) return secret;
  throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one.`);
}
