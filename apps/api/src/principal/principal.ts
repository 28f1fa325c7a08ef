import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../../libs/domain/src';

/**
 * Who is calling. `id` and `role` are recorded in the metadata of every event a request appends;
 * `scopes` (service:<id>, prescriber:<id>, funder:<id>) come with tokens and narrow what a role reaches.
 */
export type Principal = Actor & { scopes?: string[] };

/** What a resolver may look at: headers (Authorization, X-Actor-*) and the route being called. */
export interface PrincipalRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The authentication seam. The default verifies a bearer JWT (JwtPrincipalResolver, libs/auth);
 * createApp's `principalResolver` option binds another one (a benchmark that measures something
 * else). Throw a DomainError of kind 'unauthorized' to answer 401.
 */
export interface PrincipalResolver {
  resolve(request: PrincipalRequest): Promise<Principal> | Principal;
}

export const PRINCIPAL_RESOLVER = Symbol('PrincipalResolver');

export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ id: 'system', role: 'system' });

/** The Fastify request once the guard has run: who called, and what the access policy granted. */
export type RequestWithPrincipal = FastifyRequest & { principal?: Principal };
