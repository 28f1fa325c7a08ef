import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Role } from '../../domain/src';
import { Unauthenticated } from './auth.errors';
import type { Principal } from './principal';

export type TokenKeySource = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

export interface TokenVerifierOptions {
  keys: TokenKeySource;
  issuer?: string;
  audience?: string;
  /** Seconds of clock skew tolerated on exp/nbf/iat. */
  clockToleranceSeconds?: number;
  /** Seconds since `iat` after which a token is refused whatever its `exp` (default 12 h). */
  maxTokenAgeSeconds?: number;
}

/**
 * A token lives at most this long after it was issued (AUTH_MAX_TOKEN_AGE): a leaked or
 * long-lived token stops working within a working day. Tokens must therefore carry `iat`, and
 * an `iat` later than now (beyond the clock tolerance) is refused too.
 */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 12 * 3600;

const HMAC_ALGORITHMS = ['HS256'];
const ASYMMETRIC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.keys.kind === 'secret') {
      this.key = new TextEncoder().encode(options.keys.secret);
      this.algorithms = HMAC_ALGORITHMS;
    } else {
      this.key = createRemoteJWKSet(new URL(options.keys.url));
      this.algorithms = ASYMMETRIC_ALGORITHMS;
    }
  }

  /** Throws Unauthenticated, never a detail of what failed. */
  async verify(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (!token) throw new Unauthenticated('missing');
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: this.options.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS,
      });
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || !isRole(role) || role === 'system') throw new Error('claims');
      const scope = payload['scope'];
      const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
      return { id: payload.sub, role, scopes };
    } catch {
      throw new Unauthenticated('invalid');
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
