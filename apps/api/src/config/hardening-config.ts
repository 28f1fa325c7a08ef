import { DEFAULT_MAX_TOKEN_AGE_SECONDS, durationSeconds } from '../../../../libs/auth/src';
import { DEFAULT_RATE_LIMIT, type HttpHardening, type RateLimitSettings } from '../http/http-hardening';
import { StartupError } from '../startup/startup-error';

export interface HardeningConfig {
  http: HttpHardening;
  /** AUTH_MAX_TOKEN_AGE: a token issued longer ago is refused, whatever its exp says. */
  maxTokenAgeSeconds: number;
}

/** CORS_ORIGINS, RATE_LIMIT_MAX, RATE_LIMIT_WINDOW and AUTH_MAX_TOKEN_AGE, strictly: a typo stops start-up. */
export function readHardeningConfig(env: NodeJS.ProcessEnv = process.env): HardeningConfig {
  return {
    http: { corsOrigins: readOrigins(env.CORS_ORIGINS), rateLimit: readRateLimit(env.RATE_LIMIT_MAX, env.RATE_LIMIT_WINDOW) },
    maxTokenAgeSeconds: readDuration('AUTH_MAX_TOKEN_AGE', env.AUTH_MAX_TOKEN_AGE) ?? DEFAULT_MAX_TOKEN_AGE_SECONDS,
  };
}

function readOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      throw new StartupError(`CORS_ORIGINS must list origins such as https://app.example.org (scheme, host, optional port; no path, no *), got "${origin}".`);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

function readRateLimit(rawMax: string | undefined, rawWindow: string | undefined): RateLimitSettings | false {
  const max = rawMax?.trim();
  if (max === 'off') return false;
  if (max && !/^[1-9]\d*$/.test(max)) throw new StartupError(`RATE_LIMIT_MAX must be a positive whole number or "off", got "${max}".`);
  return {
    max: max ? Number(max) : DEFAULT_RATE_LIMIT.max,
    windowSeconds: readDuration('RATE_LIMIT_WINDOW', rawWindow) ?? DEFAULT_RATE_LIMIT.windowSeconds,
  };
}

function readDuration(name: string, raw: string | undefined): number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    return durationSeconds(/^\d+$/.test(value) ? Number(value) : value);
  } catch {
    throw new StartupError(`${name} must be a duration in seconds or such as 90s, 45m, 12h, 1d; got "${value}".`);
  }
}
