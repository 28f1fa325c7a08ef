import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { Forbidden } from '../../../../libs/auth/src';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver, type RequestWithPrincipal } from '../principal/principal';
import { PUBLIC_ROUTE } from '../principal/public-route.decorator';
import { type CallerRole, COMMAND_POLICY, type Grant, type Grants, type RoutePolicy } from './access-policy';
import { ACCESS_POLICY_LOOKUP, type AccessPolicyLookup } from './auth.tokens';
import { ScopeChecker, type ScopedRequest } from './scope.checker';

/** What the guard decided, kept on the request for the response hook (shape, access log). */
export interface AccessDecision {
  policy: RoutePolicy;
  grant: Grant;
}

export type GuardedRequest = RequestWithPrincipal & { access?: AccessDecision };

/**
 * The one gate in front of every route: authenticate (401 authentication-required / invalid-token,
 * never why), find the route in the access policy, check the caller's role (403) and the grant's
 * scope (403 or 404). Fails closed: a route missing from the policy is refused to everyone.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
    @Inject(ACCESS_POLICY_LOOKUP) private readonly lookup: AccessPolicyLookup,
    private readonly scopes: ScopeChecker,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const policy = this.lookup(request.method, request.routeOptions?.url);
    if (policy?.access === 'public') return true;
    if (!policy && this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;

    const principal = await this.authenticate(request, context.switchToHttp().getResponse<FastifyReply>());
    if (!policy) {
      throw new Forbidden(`${request.method} ${request.routeOptions?.url ?? request.url} has no access policy yet: nobody may call it.`, 'route-without-policy');
    }
    const grants = grantsOf(policy, request);
    // An unknown command name: the controller answers 404 with the list of commands.
    if (grants === undefined) return true;
    const grant = grants[principal.role as CallerRole];
    if (!grant) throw new Forbidden(`A ${principal.role} may not do this.`, 'role-not-allowed');
    await this.scopes.check(grant.scope, principal, request as unknown as ScopedRequest);
    request.access = { policy, grant };
    return true;
  }

  private async authenticate(request: GuardedRequest, reply: FastifyReply): Promise<Principal> {
    try {
      const principal = await this.resolver.resolve({ method: request.method, url: request.url, headers: request.headers });
      request.principal = principal;
      return principal;
    } catch (error) {
      // RFC 6750: a 401 names the scheme it wants.
      void reply.header('www-authenticate', 'Bearer');
      throw error;
    }
  }
}

function grantsOf(policy: RoutePolicy, request: GuardedRequest): Grants | undefined {
  const access = policy.access;
  if (access === 'public') return {};
  if ('command' in access) return COMMAND_POLICY[access.command as string] ?? {};
  if ('commandParam' in access) {
    const name = (request.params as Record<string, string | undefined>)[access.commandParam as string];
    return name !== undefined && Object.hasOwn(COMMAND_POLICY, name) ? COMMAND_POLICY[name] : undefined;
  }
  return access;
}
