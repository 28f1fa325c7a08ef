import { PgliteSqlDatabase, PgSqlDatabase, SqlEventStore, type SqlDatabase } from '../../libs/event-store/src';
import { PgAdvisoryLock } from './pg-advisory.lock';
import { InProcessLock } from './projection.lock';
import type { ProjectionRuntime } from './projection-runtime';
import { storeMigrator } from './store.migrator';

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Opens the store and its database for the worker and the CLI, from the same environment as the
 * API: DATABASE_URL (+ DATABASE_SCHEMA, default public) for PostgreSQL, else DATA_DIR (default
 * ./data) for the embedded PGlite. Read models live in the same database as the events, so a batch
 * and its checkpoint commit together.
 */
export async function openProjectionRuntime(env: NodeJS.ProcessEnv): Promise<ProjectionRuntime> {
  const url = env.DATABASE_URL;
  let db: SqlDatabase;
  let description: string;
  if (url) {
    db = new PgSqlDatabase({ connectionString: url, schema: env.DATABASE_SCHEMA || 'public', applicationName: 'projections' });
    description = `postgres ${describeUrl(url)} (schema ${db.schema})`;
  } else {
    const dataDir = env.DATA_DIR || './data';
    db = await PgliteSqlDatabase.create({ dataDir });
    description = `pglite ${dataDir}`;
  }
  try {
    const store = await SqlEventStore.open(db);
    // One runner per projection across processes on PostgreSQL; PGlite lives in one process.
    const lock = url ? new PgAdvisoryLock({ connectionString: url, namespace: db.schema }) : new InProcessLock();
    return {
      store,
      db,
      lock,
      migrator: storeMigrator,
      description,
      close: async () => {
        await store.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
