import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from './principal';
import { PUBLIC_ROUTE } from './public-route.decorator';

export type RequestWithPrincipal = FastifyRequest & { principal?: Principal };

/**
 * Resolves the caller once per request and keeps it on the request. Role checks are not done here:
 * the access-control work adds them (a roles guard reading `request.principal`).
 */
@Injectable()
export class PrincipalGuard implements CanActivate {
  constructor(
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    request.principal = await this.resolver.resolve({ method: request.method, url: request.url, headers: request.headers });
    return true;
  }
}
