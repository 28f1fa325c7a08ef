// A real OpenID Connect provider (the `oidc-provider` package), started by the OIDC browser test on
// localhost: authorization code with PKCE for the web app's public client, JWT access tokens for
// the API carrying the `role` the API reads. Its own login and consent pages (devInteractions)
// take any password: a test identity provider, never a deployment's.
// Usage: node oidc-provider.mjs <port> <app origin> <client id> <audience> <access token ttl seconds>
import Provider from 'oidc-provider';

const [port, appOrigin, clientId, audience, ttl] = process.argv.slice(2);
const ROLES = { 'chef-service': 'coordinator', 'ref-amel': 'referent' };
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [`${appOrigin}/connexion/retour`],
      post_logout_redirect_uris: [`${appOrigin}/connexion`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  claims: { openid: ['sub'] },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== audience) throw new Error(`unknown resource ${resource}`);
        return { scope: 'api', audience, accessTokenFormat: 'jwt', accessTokenTTL: Number(ttl), jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  scopes: ['openid', 'api'],
  extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken' ? { role: ROLES[token.accountId] ?? 'referent' } : undefined),
  clientBasedCORS: (_ctx, origin) => origin === appOrigin,
  pkce: { required: () => true },
});
provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write(`READY ${issuer}\n`));
