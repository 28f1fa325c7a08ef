import type { FastifyInstance } from 'fastify';

/**
 * How the web app signs people in when an identity provider is configured: OpenID Connect,
 * authorization code with PKCE, as the public client `clientId` of `issuer`. Nothing secret: a
 * public client has no secret, and the browser reads this before anyone is signed in.
 */
export interface WebSignIn {
  issuer: string;
  clientId: string;
  /** Scopes asked for (default `openid`). */
  scope?: string;
  /** The API's audience, sent as the `resource` the access token is for (AUTH_AUDIENCE). */
  audience?: string;
}

/**
 * AUTH_ISSUER, AUTH_JWKS_URL and AUTH_CLIENT_ID together turn the web app's OpenID Connect sign-in
 * on; without a client id (or on the embedded default) it keeps the sign-in links.
 */
export function webSignInFrom(config: { authIssuer?: string; authJwksUrl?: string; authClientId?: string; authAudience?: string }): WebSignIn | undefined {
  if (!config.authIssuer || !config.authJwksUrl || !config.authClientId) return undefined;
  return { issuer: config.authIssuer, clientId: config.authClientId, ...(config.authAudience ? { audience: config.authAudience } : {}) };
}

/** The origin the browser must be allowed to reach (CSP connect-src) for discovery, keys and the token exchange. */
export function issuerOrigin(signIn: WebSignIn | undefined): string[] {
  return signIn ? [new URL(signIn.issuer).origin] : [];
}

/** GET /web-config.json: public, like the app's own files, revalidated on every load. */
export function serveWebConfig(fastify: FastifyInstance, signIn: WebSignIn | undefined): void {
  const body = JSON.stringify(signIn ? { signIn: { kind: 'oidc', scope: 'openid', ...signIn } } : { signIn: { kind: 'link' } });
  fastify.get('/web-config.json', (_request, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(body));
}
