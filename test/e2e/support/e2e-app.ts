import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApp, type CreateAppOptions } from '../../../apps/api/src/app.factory';
import { EVENT_STORE } from '../../../apps/api/src/store/store.tokens';
import { InMemoryEventStore } from '../../../apps/api/src/testing/in-memory-event-store';
import type { Catalogue } from '../../../apps/api/src/trajectories/catalogue';
import { FixedClock } from '../../../libs/domain/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { TEST_AUTH } from './auth';

export type StoreKind = 'pglite' | 'postgres' | 'memory';

/**
 * PGlite in memory always; PostgreSQL too when DATABASE_URL is set (each app in its own schema).
 * 'memory' (the Map-backed test store) stays available for suites that want no database at all.
 */
export const STORE_KINDS: StoreKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface E2eApp {
  kind: StoreKind;
  app: NestFastifyApplication;
  clock: FixedClock;
  store: EventStore;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real app on a real, isolated database, spoken to in-process (no port). Tokens are checked
 * against TEST_AUTH: send `await authHeaders(actor)` (support/auth.ts) with every request. The clock stands
 * still until a test moves it, so "today" and every recordedAt are under the test's control.
 */
export async function startE2eApp(
  kind: StoreKind,
  options: { catalogue?: Catalogue; programmesDir?: string; now?: string; logger?: CreateAppOptions['logger']; projectionsInApi?: boolean } = {},
): Promise<E2eApp> {
  if (options.projectionsInApi !== undefined) {
    const { projectionsInApi, ...rest } = options;
    return withProjectionsInApi(projectionsInApi, () => startE2eApp(kind, rest));
  }
  const clock = new FixedClock(options.now ?? '2026-01-01T09:00:00Z');
  const schema = kind === 'postgres' ? `e2e_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const { app } = await createApp({
    ...(kind === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, schema } : {}),
    ...(kind === 'memory' ? { store: new InMemoryEventStore(clock) } : {}),
    clock,
    catalogue: options.catalogue,
    // Without a catalogue, the app loads the shipped one plus this directory, as at start-up.
    programmesDir: options.programmesDir,
    auth: TEST_AUTH,
    logger: options.logger ?? ['error'],
  });
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpAdapter().getInstance().server;
  return {
    kind,
    app,
    clock,
    store: app.get<EventStore>(EVENT_STORE),
    http: () => request(server),
    close: async () => {
      await app.close();
      if (schema) await dropSchema(schema);
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * RUN_PROJECTIONS_IN_API for one app's start-up: on PostgreSQL the worker runs the read models, and a
 * test without a worker that reads them asks the API to run them (or, false, checks life without them).
 */
export async function withProjectionsInApi<T>(run: boolean, start: () => Promise<T>): Promise<T> {
  const previous = process.env.RUN_PROJECTIONS_IN_API;
  process.env.RUN_PROJECTIONS_IN_API = String(run);
  try {
    return await start();
  } finally {
    if (previous === undefined) delete process.env.RUN_PROJECTIONS_IN_API;
    else process.env.RUN_PROJECTIONS_IN_API = previous;
  }
}
