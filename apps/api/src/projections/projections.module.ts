import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { readBooleanSetting } from '../../../../libs/config/src';
import type { EventStore, SqlDatabase } from '../../../../libs/event-store/src';
import { ProjectionHost } from '../../../../projections/core/projection.host';
import type { RunnerLogger } from '../../../../projections/core/projection.runner';
import { PgAdvisoryLock } from '../../../../projections/core/pg-advisory.lock';
import { InProcessLock } from '../../../../projections/core/projection.lock';
import type { Projection } from '../../../../projections/core/projection.port';
import { storeMigrator } from '../../../../projections/core/store.migrator';
import { builtInProjections } from '../../../../projections/projections.catalogue';
import type { ProgrammeRegistry } from '../../../../workflows/programmes/src';
import { HealthModule } from '../health/health.module';
import { OperationsModule } from '../operations/operations.module';
import { CaseloadController } from './caseload.controller';
import { ConventionsController } from './conventions.controller';
import { DeadlinesController } from './deadlines.controller';
import { PartnersController } from './partners.controller';
import { ProjectionHostLifecycle } from './projection-host.lifecycle';
import { ProjectionsHealthContributor } from './projections-health.contributor';
import { PROJECTIONS_DATABASE, PROJECTIONS_OPTIONS, type ProjectionsModuleOptions } from './projections.tokens';

export interface ProjectionsForStoreOptions {
  store: EventStore;
  /** The store's SQL database: the read models live beside the events. */
  db: SqlDatabase;
  /**
   * Run the projections in this process. Default: on the embedded store (PGlite is one process, so
   * `npm start` alone keeps the read models current), not on PostgreSQL (the worker does).
   * RUN_PROJECTIONS_IN_API=true|false overrides it.
   */
  runHere?: boolean;
  /** What to run here (default: the built-in read models); the funder feed adds itself when configured. */
  projections?: readonly Projection[];
  /** PostgreSQL only: the URL for the advisory-lock connections, needed to run projections here. */
  databaseUrl?: string;
  /** The catalogue's programmes (POST /conventions). */
  programmes?: ProgrammeRegistry;
}

/** RUN_PROJECTIONS_IN_API: 'true' / 'false' override (anything else stops start-up); unset means "on the embedded store only". */
export function runProjectionsInApi(kind: SqlDatabase['kind'], env: NodeJS.ProcessEnv = process.env): boolean {
  return readBooleanSetting(env, 'RUN_PROJECTIONS_IN_API', kind === 'pglite');
}

/**
 * GET /caseload, GET /deadlines, /conventions (funders' figures), and the projections' part of
 * /health. Mount with createApp({ modules: [ProjectionsModule.register({ db, host })] }), or from
 * createApp itself, once it has opened the store: `ProjectionsModule.forStore({ store, db })`.
 */
@Module({})
export class ProjectionsModule {
  static register(options: ProjectionsModuleOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: [HealthModule, OperationsModule.register({ db: options.db, host: options.host, storeDatabase: options.storeDatabase })],
      controllers: [CaseloadController, DeadlinesController, ConventionsController, PartnersController],
      providers: [
        { provide: PROJECTIONS_DATABASE, useValue: options.db },
        { provide: PROJECTIONS_OPTIONS, useValue: options },
        ProjectionsHealthContributor,
        ProjectionHostLifecycle,
      ],
    };
  }

  /**
   * The module over the store createApp opened; with the embedded store it also runs the
   * projections in the API process (started with the app, stopped before the store closes).
   * On PostgreSQL (RUN_PROJECTIONS_IN_API=true) the runners take the same advisory locks as the
   * worker's, so an API and workers can run side by side, one runner per projection.
   */
  static forStore(options: ProjectionsForStoreOptions): DynamicModule {
    const projections = options.projections ?? builtInProjections();
    const wanted = options.runHere ?? runProjectionsInApi(options.db.kind);
    const lock =
      options.db.kind === 'pglite'
        ? new InProcessLock()
        : options.databaseUrl
          ? new PgAdvisoryLock({ connectionString: options.databaseUrl, namespace: options.db.schema })
          : undefined;
    const runHere = wanted && lock !== undefined;
    const host = runHere && lock ? new ProjectionHost({ store: options.store, db: options.db, lock, migrator: storeMigrator, projections, logger: projectionLogger() }) : undefined;
    return ProjectionsModule.register({ db: options.db, host, startHost: runHere, projections, storeDatabase: options.db, programmes: options.programmes });
  }
}

/** The runners' failures (with their stack) and lock changes, through Nest's logger (pino in createApp). */
function projectionLogger(): RunnerLogger {
  const logger = new Logger('Projections');
  return {
    info: (message) => logger.log(message),
    error: (message, error) => (error instanceof Error ? logger.error({ msg: message, err: error }) : logger.error(message)),
  };
}
