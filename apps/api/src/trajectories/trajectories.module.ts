import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import type { IdGenerator } from '../../../../libs/domain/src';
import type { Catalogue } from './catalogue';
import { CommandSchemasController } from './command-schemas.controller';
import { ProgrammesController } from './programmes.controller';
import { RunTrajectoryHandler } from './commands/run-trajectory.handler';
import { GetTrajectoryHistoryHandler } from './queries/get-trajectory-history.handler';
import { GetTrajectoryHandler } from './queries/get-trajectory.handler';
import { TrajectoriesController } from './trajectories.controller';
import { type RunnerSettings, trajectoryRegistryProvider, trajectoryRunnerProvider } from './trajectory-runner.provider';
import { LruSnapshotCache } from './lru-snapshot.cache';
import { CATALOGUE, CONVENTION_DIRECTORY, ID_GENERATOR, RUNNER_SETTINGS, SNAPSHOT_CACHE } from './trajectory.tokens';
import { NO_CONVENTIONS, type RefreshableConventionDirectory } from '../projections/sql-convention-directory';

export const uuidGenerator: IdGenerator = { next: () => randomUUID() };

@Module({})
export class TrajectoriesModule {
  static register(catalogue: Catalogue, ids: IdGenerator = uuidGenerator, settings: RunnerSettings = {}, conventions: RefreshableConventionDirectory = NO_CONVENTIONS): DynamicModule {
    return {
      module: TrajectoriesModule,
      controllers: [TrajectoriesController, CommandSchemasController, ProgrammesController],
      providers: [
        { provide: CATALOGUE, useValue: catalogue },
        { provide: ID_GENERATOR, useValue: ids },
        { provide: RUNNER_SETTINGS, useValue: settings },
        { provide: CONVENTION_DIRECTORY, useValue: conventions },
        { provide: SNAPSHOT_CACHE, useFactory: () => new LruSnapshotCache() },
        trajectoryRunnerProvider,
        trajectoryRegistryProvider,
        RunTrajectoryHandler,
        GetTrajectoryHandler,
        GetTrajectoryHistoryHandler,
      ],
      exports: [CATALOGUE],
    };
  }
}
