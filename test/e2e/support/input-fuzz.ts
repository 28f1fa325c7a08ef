import { ROUTE_POLICY, type RoutePolicy } from '../../../apps/api/src/auth/access-policy';
import { type Actor, authHeaders } from './auth';
import type { E2eApp } from './e2e-app';

/** What an attacker or a broken client puts in a parameter: NUL, other controls, the overlong, the odd. */
export const HOSTILE_VALUES: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\u0001',
  '\u001b[2J',
  '\n',
  '\r\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2028',
  'x'.repeat(300),
  'x'.repeat(5000),
  '',
  ' ',
  "' OR 1=1 --",
  '%',
  '../../etc/passwd',
  '-1',
  '1e309',
  '9'.repeat(40),
  'é\u{1F600}',
  '\uFFFF',
];

/** A JSON text nested `levels` deep: [[[...]]]. */
export function nestedJson(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

export interface FuzzRoute {
  policy: RoutePolicy;
  actor: Actor;
  /** The path with each :param replaced by a value the route knows. */
  path(overrides?: Record<string, string>): string;
}

export interface FuzzTally {
  requests: number;
  serverErrors: { method: string; url: string; status: number; body: unknown }[];
}

/** A caller each route lets through, so the fuzz meets validation rather than the policy. */
function callerFor(policy: RoutePolicy, callers: Record<string, Actor>): Actor {
  if (policy.access === 'public') return callers.coordinator;
  if ('command' in policy.access || 'commandParam' in policy.access) return callers.coordinator;
  const grants = policy.access as Record<string, unknown>;
  const role = ['coordinator', 'auditor', 'admin'].find((r) => grants[r] !== undefined) ?? 'coordinator';
  return callers[role];
}

/** Every route of the access policy (the table of every route the API serves), with sane path values. */
export function fuzzRoutes(pathValues: Record<string, string>, callers: Record<string, Actor>): FuzzRoute[] {
  return ROUTE_POLICY.map((policy) => ({
    policy,
    actor: callerFor(policy, callers),
    path: (overrides = {}) =>
      policy.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(overrides[name] ?? pathValues[name] ?? 'x')),
  }));
}

export function pathParamsOf(route: FuzzRoute): string[] {
  return [...route.policy.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
}

/**
 * Sends one request and tallies it. The query is written by hand (percent-encoding every byte) so
 * that NULs and controls reach the server as sent.
 */
export async function fuzzRequest(
  e2e: E2eApp,
  tally: FuzzTally,
  route: FuzzRoute,
  options: { path?: string; query?: [string, string][]; body?: string } = {},
): Promise<number> {
  const query = (options.query ?? []).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const url = `${options.path ?? route.path()}${query ? `?${query}` : ''}`;
  const method = route.policy.method.toLowerCase() as 'get' | 'post';
  let req = e2e.http()[method](url).set(await authHeaders(route.actor));
  if (method === 'post') req = req.set('content-type', 'application/json').send(options.body ?? '{}');
  const res = await req;
  tally.requests++;
  if (res.status >= 500) tally.serverErrors.push({ method: route.policy.method, url: url.slice(0, 200), status: res.status, body: res.body });
  return res.status;
}
