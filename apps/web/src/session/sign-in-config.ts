/** GET /web-config.json: how this deployment signs people in. */
export type SignInConfig = { kind: 'link' } | { kind: 'oidc'; issuer: string; clientId: string; scope: string; audience?: string };

export async function loadSignInConfig(): Promise<SignInConfig> {
  try {
    const response = await fetch('/web-config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return { kind: 'link' };
    const body = (await response.json()) as { signIn?: SignInConfig };
    return body.signIn?.kind === 'oidc' ? body.signIn : { kind: 'link' };
  } catch {
    return { kind: 'link' };
  }
}
