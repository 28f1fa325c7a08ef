import { type DynamicModule, Global, Module, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { KnownQueryGuard } from '../http/known-query.guard';
import type { AccessLog } from '../audit/access-log.repository';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from '../principal/principal';
import { type RoutePolicy, routePolicy } from './access-policy';
import { ACCESS_LOG, ACCESS_POLICY_LOOKUP, type AccessPolicyLookup } from './auth.tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { ScopeChecker } from './scope.checker';

export interface AuthModuleOptions {
  /** Who the caller is: the JWT resolver in production (createApp builds it from the auth options). */
  resolver: Type<PrincipalResolver> | PrincipalResolver;
  accessLog: AccessLog;
  /** Policies of routes that modules outside the table add (tests mounting their own controllers). */
  extraPolicies?: readonly RoutePolicy[];
}

/** Authentication and the access policy, for every route of the app (a global guard). */
@Global()
@Module({})
export class AuthModule {
  static register(options: AuthModuleOptions): DynamicModule {
    const resolver: Provider =
      typeof options.resolver === 'function'
        ? { provide: PRINCIPAL_RESOLVER, useClass: options.resolver }
        : { provide: PRINCIPAL_RESOLVER, useValue: options.resolver };
    const extra = new Map((options.extraPolicies ?? []).map((p) => [`${p.method} ${p.path}`, p]));
    const lookup: AccessPolicyLookup = (method, path) => routePolicy(method, path) ?? extra.get(`${method === 'HEAD' ? 'GET' : method} ${path}`);
    return {
      module: AuthModule,
      providers: [
        resolver,
        { provide: ACCESS_POLICY_LOOKUP, useValue: lookup },
        { provide: ACCESS_LOG, useValue: options.accessLog },
        ScopeChecker,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // Global guards run in the order they are registered: the query check after authentication.
        { provide: APP_GUARD, useClass: KnownQueryGuard },
      ],
      exports: [PRINCIPAL_RESOLVER, ACCESS_LOG],
    };
  }
}
