import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { CaseloadController } from './caseload.controller';
import { ConventionsController } from './conventions.controller';
import { DeadlinesController } from './deadlines.controller';
import { ProjectionsHealthContributor } from './projections-health.contributor';
import { PROJECTIONS_DATABASE, PROJECTIONS_OPTIONS, type ProjectionsModuleOptions } from './projections.tokens';

/**
 * GET /caseload, GET /deadlines, /conventions (funders' figures), and the projections' part of
 * /health. Mount with createApp({ modules: [ProjectionsModule.register({ db, host })] }): `db` is
 * the store's SqlDatabase, `host` the in-process runners when the API runs them (embedded store).
 */
@Module({})
export class ProjectionsModule {
  static register(options: ProjectionsModuleOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: [HealthModule],
      controllers: [CaseloadController, DeadlinesController, ConventionsController],
      providers: [
        { provide: PROJECTIONS_DATABASE, useValue: options.db },
        { provide: PROJECTIONS_OPTIONS, useValue: options },
        ProjectionsHealthContributor,
      ],
    };
  }
}
