/**
 * The signed-in person: a bearer token and what it says (subject, role, scopes, expiry).
 * It lives in sessionStorage, which only this origin's pages can read and which goes when the tab
 * closes; it never goes to localStorage or a cookie another site's request could carry.
 */
export interface Session {
  token: string;
  subject: string;
  role: string;
  scopes: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

const KEY = 'accompagnement.session';

export function decodeToken(token: string): Session | undefined {
  const [, payload] = token.split('.');
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    if (typeof json.sub !== 'string' || typeof json.role !== 'string' || typeof json.exp !== 'number') return undefined;
    const scopes = typeof json.scope === 'string' ? json.scope.split(' ').filter(Boolean) : [];
    return { token, subject: json.sub, role: json.role, scopes, expiresAt: json.exp };
  } catch {
    return undefined;
  }
}

export function isExpired(session: Session, nowMs = Date.now()): boolean {
  return session.expiresAt * 1000 <= nowMs;
}

export function loadSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  const session = token ? decodeToken(token) : undefined;
  if (!session || isExpired(session)) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, session.token);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** A sign-in link carries the token in the fragment (#token=...), which the browser never sends to a server. */
export function takeTokenFromFragment(location: Location, history: History): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]);
}
