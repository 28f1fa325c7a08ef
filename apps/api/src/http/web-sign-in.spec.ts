import { issuerOrigin, webSignInFrom } from './web-sign-in';

describe('the web app sign-in settings', () => {
  const provider = { authIssuer: 'https://idp.example.org/realms/service', authJwksUrl: 'https://idp.example.org/realms/service/certs' };

  it('turns OpenID Connect on only with the issuer, its JWKS and a client id together', () => {
    expect(webSignInFrom({ ...provider, authClientId: 'web' })).toEqual({ issuer: provider.authIssuer, clientId: 'web' });
    expect(webSignInFrom({ ...provider, authClientId: 'web', authAudience: 'api' })).toEqual({ issuer: provider.authIssuer, clientId: 'web', audience: 'api' });
    expect(webSignInFrom(provider)).toBeUndefined();
    expect(webSignInFrom({ authJwksUrl: provider.authJwksUrl, authClientId: 'web' })).toBeUndefined();
    expect(webSignInFrom({})).toBeUndefined();
  });

  it("lets the browser reach the provider's origin and nothing else", () => {
    expect(issuerOrigin({ issuer: provider.authIssuer, clientId: 'web' })).toEqual(['https://idp.example.org']);
    expect(issuerOrigin(undefined)).toEqual([]);
  });
});
