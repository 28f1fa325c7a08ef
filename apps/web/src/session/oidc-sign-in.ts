import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { pathTo } from '../routing/web-routes';
import type { SignInConfig } from './sign-in-config';

/**
 * OpenID Connect, authorization code with PKCE (oidc-client-ts does both), as the app's public client.
 * The tokens stay in this page's memory and nowhere else: only the sign-in's own state (the PKCE
 * verifier and `state`, which must survive the trip to the provider and back) waits in this tab's
 * sessionStorage, and oidc-client-ts removes it once the code is exchanged. A reload signs in again
 * through the provider (its own session usually makes that a redirect with nothing to type).
 */
export function oidcUserManager(config: Extract<SignInConfig, { kind: 'oidc' }>): UserManager {
  const origin = window.location.origin;
  const resource = config.audience ? { resource: config.audience } : undefined;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${pathTo('signInReturn')}`,
    post_logout_redirect_uri: `${origin}${pathTo('signIn')}`,
    response_type: 'code',
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    ...(resource ? { extraQueryParams: resource, extraTokenParams: resource } : {}),
  });
}

/** Back from the provider with a code: exchanges it (with the PKCE verifier) and gives the access token. */
export async function completeOidcSignIn(manager: UserManager): Promise<string> {
  const user = await manager.signinRedirectCallback();
  return user.access_token;
}
