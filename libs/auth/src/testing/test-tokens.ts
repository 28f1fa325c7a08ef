import type { Role } from '../../../domain/src';
import { mintToken } from '../token.minter';
import type { TokenVerifierOptions } from '../token.verifier';

/** The one HS256 secret every test app verifies with; never used outside tests. */
export const TEST_AUTH_SECRET = 'test-secret-for-hs256-tokens-in-specs-and-e2e-only';

/** What createApp({ auth }) takes to accept the tokens minted below. */
export const TEST_AUTH: TokenVerifierOptions = { keys: { kind: 'secret', secret: TEST_AUTH_SECRET } };

export interface TestCaller {
  id: string;
  role: Role | string;
  scopes?: string[];
}

const cache = new Map<string, Promise<string>>();

/**
 * `Bearer <jwt>` for a caller, minted with mintToken and the test secret. Tokens are cached per
 * caller: minting is async, and a suite sends hundreds of requests as the same few people.
 */
export function testBearer(caller: TestCaller): Promise<string> {
  const key = `${caller.id}|${caller.role}|${(caller.scopes ?? []).join(' ')}`;
  let token = cache.get(key);
  if (!token) {
    token = mintToken({ secret: TEST_AUTH_SECRET, subject: caller.id, role: caller.role as Role, scopes: caller.scopes ?? [], expiresIn: '30d' }).then(
      (jwt) => `Bearer ${jwt}`,
    );
    cache.set(key, token);
  }
  return token;
}

/** `{ authorization: 'Bearer …' }`, ready for supertest's `.set()`. */
export async function testAuthHeaders(caller: TestCaller): Promise<Record<string, string>> {
  return { authorization: await testBearer(caller) };
}
