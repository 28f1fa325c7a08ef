import { resolve } from 'node:path';
import { PgliteSqlDatabase, PgSqlDatabase, type SqlDatabase, SqlEventStore } from '../../../libs/event-store/src';
import type { AuditStore } from './audit-store';

/**
 * The store the API writes, opened from the same environment: DATABASE_URL (+ DATABASE_SCHEMA) for
 * PostgreSQL, else the PGlite files in DATA_DIR (default ./data). PGlite is one process at a time:
 * stop the API before auditing an embedded store.
 */
export async function openAuditStore(env: NodeJS.ProcessEnv): Promise<AuditStore> {
  const url = env.DATABASE_URL?.trim();
  let db: SqlDatabase;
  let description: string;
  if (url) {
    const schema = env.DATABASE_SCHEMA?.trim() || 'public';
    db = new PgSqlDatabase({ connectionString: url, schema, max: 2, applicationName: 'cli-audit' });
    description = `postgres ${hostOf(url)} (schema ${schema})`;
  } else {
    const dataDir = env.DATA_DIR?.trim() || './data';
    db = await PgliteSqlDatabase.create({ dataDir: resolve(dataDir) });
    description = `pglite ${dataDir}`;
  }
  try {
    const store = await SqlEventStore.open(db);
    return { store, description, close: () => db.close() };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** host:port/database, never the password. */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
