import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { TEST_AUTH } from '../../../../../libs/auth/src/testing/test-tokens';
import { FixedClock } from '../../../../../libs/domain/src';
import { SqlEventStore, type EventStore } from '../../../../../libs/event-store/src';
import { ProjectionHost } from '../../../../../projections/core/projection.host';
import { InProcessLock } from '../../../../../projections/core/projection.lock';
import { storeMigrator } from '../../../../../projections/core/store.migrator';
import { endOfLog } from '../../../../../projections/core/testing/end-of-log';
import { pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../../../../../projections/core/testing/test-database';
import { builtInProjections } from '../../../../../projections/projections.catalogue';
import { testDeps } from '../../../../../workflows/trajectory/src/testing';
import { loadCatalogue } from '../../../../../libs/catalogue/src';
import { createApp } from '../../app.factory';
import type { Catalogue } from '../../trajectories/catalogue';
import { ProjectionsModule } from '../projections.module';

export interface ProjectionsApp {
  app: NestFastifyApplication;
  clock: FixedClock;
  db: TestDatabase;
  store: EventStore;
  host: ProjectionHost;
  http(): TestAgent;
  /** Resolves once every projection has applied everything appended so far. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/** The API with the projections module and its runners in-process, as `npm start` runs them on the embedded store. */
export async function startProjectionsApp(options: { postgres?: boolean; now?: string; catalogue?: Catalogue; programmesDir?: string } = {}): Promise<ProjectionsApp> {
  const clock = new FixedClock(options.now ?? '2026-01-01T09:00:00Z');
  const db = options.postgres ? await postgresTestDatabase('projections_e2e') : await pgliteTestDatabase();
  // The real SQL store on the same database as the read models, as createApp opens it.
  const store = await SqlEventStore.open(db, { clock });
  const host = new ProjectionHost({ store, db, lock: new InProcessLock(), migrator: storeMigrator, projections: builtInProjections(), idleMs: 10, batchSize: 200 });
  const catalogue = options.catalogue ?? (options.programmesDir ? await loadCatalogue(options.programmesDir) : testDeps());
  const { app } = await createApp({
    store,
    clock,
    // With a programmes directory the catalogue is loaded as at start-up (libs/catalogue's loader).
    catalogue,
    auth: TEST_AUTH,
    logger: false,
    docs: false,
    conventionsDb: db,
    modules: [ProjectionsModule.register({ db, host, startHost: true, programmes: catalogue.programmes })],
  });
  await app.getHttpAdapter().getInstance().ready();
  // The runners create their tables as they start; POST /conventions reads the funder read model.
  await host.waitFor(await endOfLog(db), host.runners.map((r) => r.name), 60_000);
  return {
    app,
    clock,
    db,
    store,
    host,
    http: () => request(app.getHttpAdapter().getInstance().server),
    caughtUp: async () => {
      await host.waitFor(await endOfLog(db), host.runners.map((r) => r.name), 60_000);
    },
    close: async () => {
      await app.close();
      await store.close();
      await db.close();
    },
  };
}
