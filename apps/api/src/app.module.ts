import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Clock } from '../../../libs/domain/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { AuditModule } from './audit/audit.module';
import { AuthModule, type AuthModuleOptions } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { createValidationPipe } from './problem-details/validation-exception.factory';
import { StoreModule } from './store/store.module';
import type { Catalogue } from './trajectories/catalogue';
import type { RefreshableConventionDirectory } from './projections/sql-convention-directory';
import { TrajectoriesModule, uuidGenerator } from './trajectories/trajectories.module';
import type { RunnerSettings } from './trajectories/trajectory-runner.provider';

export interface AppDependencies {
  store: EventStore;
  clock: Clock;
  catalogue: Catalogue;
  /** The conventions the trajectory commands read (default: none known). */
  conventions?: RefreshableConventionDirectory;
  auth: AuthModuleOptions;
  /** How commands are run: the earliest business date, the conflict back-off. */
  commands?: RunnerSettings;
  /** Feature modules beside the built-in ones (projection queries, admin endpoints). */
  modules?: (Type<unknown> | DynamicModule)[];
}

/** Feature modules every API instance serves. Add a projection's query module here. */
const FEATURE_MODULES: Type<unknown>[] = [HealthModule, AuditModule];

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        StoreModule.register(deps.store, deps.clock),
        AuthModule.register(deps.auth),
        TrajectoriesModule.register(deps.catalogue, uuidGenerator, deps.commands, deps.conventions),
        ...FEATURE_MODULES,
        PrivacyModule.register(deps.catalogue),
        ...(deps.modules ?? []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
