import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { EventStoreStartupError } from '../event-store.errors';

/**
 * Turns what can go wrong at start-up into one sentence a person can act on. The underlying error
 * stays attached as `cause` for logs; URLs are repeated without their password.
 */

export interface PostgresTarget {
  url: string;
  /** host:port/database, safe to print. */
  where: string;
  host: string;
  database: string;
  user: string;
}

export function parsePostgresUrl(databaseUrl: string, variable = 'DATABASE_URL'): PostgresTarget {
  const expected = `expected postgres://user:password@host:5432/database`;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new EventStoreStartupError('invalid-url', `${variable} is not a valid URL (${expected}); got "${redactUnparsable(databaseUrl)}".`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new EventStoreStartupError('invalid-url', `${variable} must start with postgres:// or postgresql:// (${expected}); got "${redact(url)}".`);
  }
  if (!url.hostname) {
    throw new EventStoreStartupError('invalid-url', `${variable} has no host (${expected}); got "${redact(url)}".`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
  return {
    url: databaseUrl,
    where: `${url.hostname}:${url.port || '5432'}/${database}`,
    host: url.hostname,
    database,
    user: decodeURIComponent(url.username) || process.env.PGUSER || process.env.USER || 'postgres',
  };
}

interface ConnectError {
  code?: string;
  message?: string;
  errors?: ConnectError[];
}

export function postgresStartupError(error: unknown, target: PostgresTarget, timeoutMs: number): EventStoreStartupError {
  const e = (error ?? {}) as ConnectError;
  // Node tries every address of a host name and reports an AggregateError whose parts carry the codes.
  const codes = new Set([e.code, ...(e.errors ?? []).map((inner) => inner.code)].filter(Boolean));
  const message = e.message || (e.errors ?? []).map((inner) => inner.message).join('; ') || String(error);
  const cause = { cause: error };
  if (codes.has('ECONNREFUSED')) {
    return new EventStoreStartupError(
      'unreachable',
      `Cannot reach PostgreSQL at ${target.where}: connection refused. Is the server running and listening on that host and port? Check DATABASE_URL.`,
      cause,
    );
  }
  if (codes.has('ENOTFOUND') || codes.has('EAI_AGAIN')) {
    return new EventStoreStartupError('unreachable', `Cannot resolve the PostgreSQL host "${target.host}" (from DATABASE_URL). Check the host name.`, cause);
  }
  if (codes.has('EHOSTUNREACH') || codes.has('ENETUNREACH')) {
    return new EventStoreStartupError('unreachable', `No route to PostgreSQL at ${target.where}. Check DATABASE_URL and the network.`, cause);
  }
  if (codes.has('ETIMEDOUT') || /timeout|timed out/i.test(message)) {
    return new EventStoreStartupError(
      'timeout',
      `PostgreSQL at ${target.where} did not answer within ${timeoutMs} ms. Is the host right, and is a firewall dropping the connection?`,
      cause,
    );
  }
  if (codes.has('28P01') || codes.has('28000') || /password|SASL|authentication/i.test(message)) {
    return new EventStoreStartupError(
      'authentication',
      `PostgreSQL at ${target.where} refused user "${target.user}": ${message}. Check the user name and password in DATABASE_URL.`,
      cause,
    );
  }
  if (codes.has('3D000')) {
    return new EventStoreStartupError(
      'database-missing',
      `PostgreSQL at ${target.host} has no database "${target.database}". Create it (createdb ${target.database}) or fix DATABASE_URL.`,
      cause,
    );
  }
  return new EventStoreStartupError('unknown', `Could not start the event store on PostgreSQL at ${target.where}: ${message}`, cause);
}

/**
 * PGlite reports an unusable directory late and obscurely (from inside WebAssembly), so the
 * directory is checked with plain fs first: it must exist or be creatable (owner-only), and be
 * writable. Nothing is written in it here: another process may hold it (see data-dir.lock.ts).
 */
export function checkDataDir(dataDir: string): void {
  const fail = (why: string, error?: unknown): never => {
    throw new EventStoreStartupError(
      'data-dir',
      `Cannot use "${dataDir}" as the embedded database directory: ${why}. Set DATA_DIR to a writable directory.`,
      { cause: error },
    );
  };
  try {
    if (!statSync(dataDir).isDirectory()) fail('it exists and is not a directory');
  } catch (error) {
    if (error instanceof EventStoreStartupError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOTDIR') fail('part of that path is a file, not a directory', error);
    if (code !== 'ENOENT') fail(`it cannot be inspected (${code ?? String(error)})`, error);
  }
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    fail(code === 'ENOTDIR' || code === 'EEXIST' ? 'part of that path is a file, not a directory' : `it cannot be created (${code ?? String(error)})`, error);
  }
  try {
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    fail(`it is not writable (${(error as { code?: string }).code ?? String(error)})`, error);
  }
}

export function redact(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

function redactUnparsable(text: string): string {
  // Without a parser, hide anything between "://user:" and "@".
  return text.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
