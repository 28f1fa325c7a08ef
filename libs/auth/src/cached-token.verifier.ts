import { decodeJwt } from 'jose';
import type { Principal } from './principal';
import { bearerToken } from './token.verifier';

/** What verifies an Authorization header: TokenVerifier, or this cache in front of it. */
export interface TokenVerification {
  verify(authorization: string | undefined): Promise<Principal>;
}

export interface CachedTokenVerifierOptions {
  /** Tokens remembered at most (default 1000); the least recently used goes first. */
  maxEntries?: number;
  /**
   * How long a verdict is reused (default 10 s), never past the token's exp. It also bounds how late
   * a check that depends on the time of the request (a maximum token age) can come.
   */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Remembers, per token string, what the verifier answered for it: a client sends the same token on
 * every request, and checking its signature (WebCrypto, asynchronous) costs more than the rest of
 * the guard. Only acceptances are kept, for a short while and never past exp; a refusal is asked again
 * (caching them would only help someone sending garbage). The verifier's answer is never changed.
 */
export class CachedTokenVerifier implements TokenVerification {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly verifier: TokenVerification,
    options: CachedTokenVerifierOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.ttlMs = options.ttlMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (!token) return this.verifier.verify(authorization);
    const now = this.now();
    const hit = this.entries.get(token);
    if (hit) {
      this.entries.delete(token);
      if (now < hit.until) {
        this.entries.set(token, hit);
        return copyOf(hit.principal);
      }
    }
    const principal = await this.verifier.verify(authorization);
    const until = Math.min(now + this.ttlMs, expiryOf(token));
    if (until > now) {
      this.entries.set(token, { principal: copyOf(principal), until });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return principal;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** exp in milliseconds; the verifier already required and checked it. */
function expiryOf(token: string): number {
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' ? exp * 1000 : 0;
}

/** Each request gets its own copy: nothing one request does to its principal reaches another. */
function copyOf(principal: Principal): Principal {
  return { ...principal, scopes: [...principal.scopes] };
}
