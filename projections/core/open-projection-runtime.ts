import { createEventStore, PgliteSqlDatabase, PgSqlDatabase, type SqlDatabase } from '../../libs/event-store/src';
import { PgAdvisoryLock } from './pg-advisory.lock';
import { InProcessLock } from './projection.lock';
import type { ProjectionRuntime, RuntimeOpenOptions } from './projection-runtime';
import { storeMigrator } from './store.migrator';

/**
 * Opens the store and the read models' database for the worker and the CLI, from the same
 * environment as the API: DATABASE_URL (+ DATABASE_SCHEMA) for PostgreSQL, else DATA_DIR (default
 * ./data) for the embedded PGlite; EVENTSTORE_URL reads events from EventStoreDB while the read
 * models stay in PostgreSQL or PGlite. On a SQL store the read models share the events' database.
 */
export async function openProjectionRuntime(env: NodeJS.ProcessEnv, options: RuntimeOpenOptions = {}): Promise<ProjectionRuntime> {
  const url = env.DATABASE_URL?.trim() || undefined;
  const schema = env.DATABASE_SCHEMA?.trim() || undefined;
  const dataDir = env.DATA_DIR?.trim() || './data';
  const created = await createEventStore({ databaseUrl: url, dataDir, schema, eventstoreUrl: env.EVENTSTORE_URL?.trim() || undefined, ...options });
  let db: SqlDatabase | undefined = created.db;
  let ownDb = false;
  try {
    if (!db) {
      db = url ? new PgSqlDatabase({ connectionString: url, schema, applicationName: 'projections' }) : await PgliteSqlDatabase.create({ dataDir, schema, ...options });
      ownDb = true;
    }
    const readModels = db;
    // One runner per projection across processes on PostgreSQL; PGlite lives in one process.
    const lock = readModels.kind === 'postgres' && url ? new PgAdvisoryLock({ connectionString: url, namespace: readModels.schema }) : new InProcessLock();
    return {
      store: created.store,
      db: readModels,
      lock,
      migrator: storeMigrator,
      description: ownDb ? `${created.description}, read models in ${readModels.kind} (schema ${readModels.schema})` : created.description,
      close: async () => {
        await created.store.close();
        if (ownDb) await readModels.close();
      },
    };
  } catch (error) {
    await created.store.close().catch(() => undefined);
    if (ownDb) await db?.close().catch(() => undefined);
    throw error;
  }
}
