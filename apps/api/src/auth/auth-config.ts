import { AUTH_SECRET_FILE, loadOrCreateAuthSecret, type TokenVerifierOptions } from '../../../../libs/auth/src';
import { StartupError } from '../startup/startup-error';

export interface AuthSettings {
  authSecret?: string;
  authJwksUrl?: string;
  authIssuer?: string;
  authAudience?: string;
  /** Where the embedded default keeps its generated secret. */
  dataDir: string;
}

export interface ResolvedAuth {
  options: TokenVerifierOptions;
  /** For the start-up line: where tokens are checked against. */
  description: string;
}

/**
 * AUTH_SECRET (HS256) or AUTH_JWKS_URL (an identity provider), never both; with neither, a secret
 * generated once into the data directory, so `npm run cli -- token` can mint tokens on a fresh machine.
 */
export function resolveAuth(settings: AuthSettings): ResolvedAuth {
  const { authSecret, authJwksUrl } = settings;
  const claims = { issuer: settings.authIssuer, audience: settings.authAudience };
  if (authSecret && authJwksUrl) throw new StartupError('Set AUTH_SECRET or AUTH_JWKS_URL, not both.');
  if (authJwksUrl) {
    let url: URL;
    try {
      url = new URL(authJwksUrl);
    } catch {
      throw new StartupError(`AUTH_JWKS_URL is not a URL: "${authJwksUrl}".`);
    }
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
      throw new StartupError('AUTH_JWKS_URL must use https (plain http only for localhost).');
    }
    return { options: { keys: { kind: 'jwks', url: url.toString() }, ...claims }, description: `JWKS ${url.host}` };
  }
  if (authSecret) {
    if (authSecret.length < 32) throw new StartupError('AUTH_SECRET must be at least 32 characters.');
    return { options: { keys: { kind: 'secret', secret: authSecret }, ...claims }, description: 'AUTH_SECRET (HS256)' };
  }
  try {
    const secret = loadOrCreateAuthSecret(settings.dataDir);
    return { options: { keys: { kind: 'secret', secret }, ...claims }, description: `HS256 secret in ${settings.dataDir}/${AUTH_SECRET_FILE}` };
  } catch (error) {
    throw new StartupError(`Cannot read or create the token secret in ${settings.dataDir}: ${(error as Error).message}`);
  }
}
