import { WEB_ROUTE_PREFIXES } from '../../apps/web/src/routing/web-routes';
import { ROUTE_POLICY } from '../../apps/api/src/auth/access-policy';

/**
 * The API serves index.html for every path under the web app's prefixes: a prefix an API route also
 * uses stops start-up (Fastify: "Method 'GET' already declared"), or would hide the API's answer.
 */
describe("the web app's paths and the API's", () => {
  it('share no first segment', () => {
    const apiFirstSegments = new Set(ROUTE_POLICY.map((p) => p.path.split('/')[1]));
    expect(WEB_ROUTE_PREFIXES.length).toBeGreaterThan(5);
    expect(apiFirstSegments.has('saisines')).toBe(true);
    expect(WEB_ROUTE_PREFIXES.filter((prefix) => apiFirstSegments.has(prefix))).toEqual([]);
  });
});
