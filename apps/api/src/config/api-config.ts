import { type CalendarDate, escapeControlCharacters, isCalendarDate } from '../../../../libs/domain/src';
import { StartupError } from '../startup/startup-error';

/** Everything the API reads from the environment, read once at start-up. */
export interface ApiConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; when unset the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite data directory (ignored when databaseUrl is set). */
  dataDir: string;
  eventstoreUrl?: string;
  programmesDir?: string;
  /** HS256 secret for bearer tokens (at least 32 characters). */
  authSecret?: string;
  /** The identity provider's JWKS (RS256, PS256, ES256, EdDSA tokens). */
  authJwksUrl?: string;
  authIssuer?: string;
  authAudience?: string;
  /** The web app's OpenID client id at the identity provider (AUTH_CLIENT_ID): with AUTH_ISSUER and AUTH_JWKS_URL, the app signs in with OpenID Connect. */
  authClientId?: string;
  /** Wraps the households' data keys; required with DATABASE_URL or EVENTSTORE_URL (docs/privacy.md). */
  masterKey?: string;
  /** Keys replaced by a rotation, still accepted to unwrap, comma-separated. */
  masterKeyPrevious?: string;
  /** OCCURRED_AT_MIN: business dates before it are refused (default 1990-01-01, the engine's). */
  earliestOccurredAt?: CalendarDate;
}

export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    port: readPort(env.PORT),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(env.DATA_DIR) ?? './data',
    eventstoreUrl: nonEmpty(env.EVENTSTORE_URL),
    programmesDir: nonEmpty(env.PROGRAMMES_DIR),
    authSecret: nonEmpty(env.AUTH_SECRET),
    authJwksUrl: nonEmpty(env.AUTH_JWKS_URL),
    authIssuer: nonEmpty(env.AUTH_ISSUER),
    authAudience: nonEmpty(env.AUTH_AUDIENCE),
    authClientId: nonEmpty(env.AUTH_CLIENT_ID),
    masterKey: nonEmpty(env.MASTER_KEY),
    masterKeyPrevious: nonEmpty(env.MASTER_KEY_PREVIOUS),
    earliestOccurredAt: readDate('OCCURRED_AT_MIN', env.OCCURRED_AT_MIN),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function readDate(name: string, raw: string | undefined): CalendarDate | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if (isCalendarDate(value)) return value;
  throw new StartupError(`${name} must be a calendar date YYYY-MM-DD, got "${escapeControlCharacters((raw ?? '').trim().slice(0, 40))}".`);
}

function readPort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new StartupError(`PORT must be a number between 1 and 65535, got "${value}".`);
  }
  return port;
}
