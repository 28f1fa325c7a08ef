import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_FEED_SECRET_BYTES } from './trajectory-pseudonymiser';

export const FEED_SECRET_FILE = 'feed-secret';

export interface FeedSecretSource {
  /** FEED_SECRET: base64 or base64url of at least 32 random bytes. */
  feedSecret?: string;
  /** Set when the store is PostgreSQL: then FEED_SECRET is required. */
  databaseUrl?: string;
  /** The embedded store's directory, where a generated secret is kept beside the data. */
  dataDir: string;
}

export class FeedSecretError extends Error {}

/**
 * The master secret behind every funder's pseudonyms. Losing it changes every pseudonym (consumers
 * can no longer follow a trajectory across records), so it is never generated silently for a
 * PostgreSQL deployment: there several processes must share it, and only the operator can provide it.
 */
export function loadFeedSecret(source: FeedSecretSource): Buffer {
  if (source.feedSecret !== undefined && source.feedSecret.trim() !== '') return decodeSecret(source.feedSecret.trim());
  if (source.databaseUrl) {
    throw new FeedSecretError(
      `FEED_SECRET is required with DATABASE_URL: give every api and worker process the same base64 value of ${MIN_FEED_SECRET_BYTES} or more random bytes (openssl rand -base64 32).`,
    );
  }
  const file = join(source.dataDir, FEED_SECRET_FILE);
  const existing = readIfPresent(file);
  if (existing !== undefined) return decodeSecret(existing.trim(), file);
  mkdirSync(source.dataDir, { recursive: true });
  const generated = randomBytes(MIN_FEED_SECRET_BYTES).toString('base64url');
  try {
    // 'wx' fails when another process created it first: then its secret is the one to use.
    writeFileSync(file, `${generated}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return decodeSecret(readFileSync(file, 'utf8').trim(), file);
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function decodeSecret(text: string, where = 'FEED_SECRET'): Buffer {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new FeedSecretError(`${where} must be base64 or base64url.`);
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length < MIN_FEED_SECRET_BYTES) {
    throw new FeedSecretError(`${where} decodes to ${bytes.length} bytes; at least ${MIN_FEED_SECRET_BYTES} are needed.`);
  }
  return bytes;
}
