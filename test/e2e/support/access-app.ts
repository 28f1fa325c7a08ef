import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../../apps/api/src/app.factory';
import type { AccessLog } from '../../../apps/api/src/audit/access-log.repository';
import { InMemoryAccessLog } from '../../../apps/api/src/audit/in-memory-access-log';
import { FeedsModule } from '../../../apps/api/src/feeds/feeds.module';
import { ProjectionsModule } from '../../../apps/api/src/projections/projections.module';
import { InMemoryEventStore } from '../../../apps/api/src/testing/in-memory-event-store';
import { FixedClock } from '../../../libs/domain/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { ProjectionHost } from '../../../projections/core/projection.host';
import { InProcessLock } from '../../../projections/core/projection.lock';
import { sqlMigrator } from '../../../projections/core/sql.migrator';
import { pgliteTestDatabase, type TestDatabase } from '../../../projections/core/testing/test-database';
import { feedProjection } from '../../../projections/feeds/feed.projection';
import { TrajectoryPseudonymiser } from '../../../projections/feeds/trajectory-pseudonymiser';
import { builtInProjections } from '../../../projections/projections.catalogue';
import { TEST_AUTH } from './auth';
import type { E2eApp } from './e2e-app';
import { e2eCatalogue } from './fixtures';

export interface AccessApp extends E2eApp {
  db: TestDatabase;
  accessLog: AccessLog;
  /** Resolves once every projection (caseload, deadlines, funder, feeds) has applied everything appended so far. */
  caughtUp(): Promise<void>;
  agent(): TestAgent;
}

/**
 * Every route the API can serve in one app: trajectories, audit, caseload, deadlines, conventions
 * and funder feeds, with the projections (the feed one included) running in-process on PGlite.
 * What the access-policy suites need to call each endpoint as each role.
 */
export async function startAccessApp(options: { now?: string; accessLog?: AccessLog } = {}): Promise<AccessApp> {
  const clock = new FixedClock(options.now ?? '2026-01-02T09:00:00Z');
  const db = await pgliteTestDatabase();
  const store = new InMemoryEventStore(clock);
  const accessLog = options.accessLog ?? new InMemoryAccessLog();
  const host = new ProjectionHost({
    store,
    db,
    lock: new InProcessLock(),
    migrator: sqlMigrator,
    projections: [...builtInProjections(), feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(Buffer.alloc(32, 3)) })],
    idleMs: 10,
    batchSize: 200,
  });
  host.start();
  const { app } = await createApp({
    store,
    clock,
    catalogue: e2eCatalogue(),
    auth: TEST_AUTH,
    accessLog,
    logger: false,
    docs: false,
    // The web app's files are public and outside the API's policy table, like /docs (test/browser covers them).
    webDir: false,
    modules: [ProjectionsModule.register({ db, host }), FeedsModule.register({ db, pollMs: 20, heartbeatMs: 1000 })],
  });
  await app.getHttpAdapter().getInstance().ready();
  const server = (app as NestFastifyApplication).getHttpAdapter().getInstance().server;
  return {
    kind: 'memory',
    app,
    clock,
    store: store as EventStore,
    db,
    accessLog,
    http: () => request(server),
    agent: () => request.agent(server),
    caughtUp: async () => {
      const all = Promise.all(host.runners.map((r) => r.whenCaughtUp()));
      host.wake();
      await all;
    },
    close: async () => {
      await app.close();
      await host.stop();
      await db.close();
    },
  };
}
