import { type DynamicModule, Global, Module, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { HeaderPrincipalResolver } from './header-principal.resolver';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal';
import { PrincipalGuard } from './principal.guard';

@Global()
@Module({})
export class PrincipalModule {
  /** `resolver` replaces the development header resolver (a class to instantiate, or an instance). */
  static register(resolver?: Type<PrincipalResolver> | PrincipalResolver): DynamicModule {
    const resolverProvider: Provider =
      resolver === undefined
        ? { provide: PRINCIPAL_RESOLVER, useClass: HeaderPrincipalResolver }
        : typeof resolver === 'function'
          ? { provide: PRINCIPAL_RESOLVER, useClass: resolver }
          : { provide: PRINCIPAL_RESOLVER, useValue: resolver };
    return {
      module: PrincipalModule,
      providers: [resolverProvider, { provide: APP_GUARD, useClass: PrincipalGuard }],
      exports: [PRINCIPAL_RESOLVER],
    };
  }
}
