import { type TestCaller, testAuthHeaders } from '../../../libs/auth/src/testing/test-tokens';

export { TEST_AUTH } from '../../../libs/auth/src/testing/test-tokens';

/**
 * Someone calling the API in a journey: the token carries the id, the role and the scopes. Every e2e
 * app verifies tokens with TEST_AUTH, so `.set(await authHeaders(COORDINATOR))` is all a suite needs.
 */
export type Actor = TestCaller;

export function authHeaders(actor: Actor): Promise<Record<string, string>> {
  return testAuthHeaders(actor);
}
