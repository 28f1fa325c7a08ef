import type { RoutePolicy } from './access-policy';

/** Finds the policy of a route (method + Fastify route path); the table plus what createApp adds. */
export type AccessPolicyLookup = (method: string, path: string | undefined) => RoutePolicy | undefined;

export const ACCESS_POLICY_LOOKUP = Symbol('AccessPolicyLookup');
/** The AccessLog the API writes reads of personal data to (audit/access-log.repository.ts). */
export const ACCESS_LOG = Symbol('AccessLog');
