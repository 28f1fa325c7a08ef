import { resolve } from 'node:path';
import {
  EventStoreStartupError,
  PgliteSqlDatabase,
  PgSqlDatabase,
  type RecordedEvent,
  type SqlDatabase,
  SqlEventStore,
  StreamNotFound,
  type StreamVerification,
} from '../../../libs/event-store/src';
import { directAuditStore, type AuditStore } from './audit-store';
import { ApiRefusal, embeddedApiFor, type EmbeddedApi } from './embedded/embedded-api.client';

/**
 * The store the API writes, opened from the same environment: DATABASE_URL (+ DATABASE_SCHEMA) for
 * PostgreSQL, else the PGlite files in DATA_DIR (default ./data). A store that does not exist is an
 * error, never created. While the API holds the embedded store, its audit routes are used instead.
 */
export async function openAuditStore(env: NodeJS.ProcessEnv): Promise<AuditStore> {
  const api = await embeddedApiFor(env, 'auditor');
  if (api) return apiAuditStore(api);
  const url = env.DATABASE_URL?.trim();
  let db: SqlDatabase;
  let description: string;
  if (url) {
    const schema = env.DATABASE_SCHEMA?.trim() || 'public';
    db = new PgSqlDatabase({ connectionString: url, schema, max: 2, applicationName: 'cli-audit' });
    description = `postgres ${hostOf(url)} (schema ${schema})`;
    await assertEventTables(db, description);
  } else {
    const dataDir = env.DATA_DIR?.trim() || './data';
    db = await PgliteSqlDatabase.create({ dataDir: resolve(dataDir), owner: 'cli', mustExist: true });
    description = `pglite ${dataDir}`;
  }
  try {
    const store = await SqlEventStore.open(db);
    return directAuditStore({ store, db, description, close: () => db.close() });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The same commands through the API's auditor routes. */
export function apiAuditStore(api: EmbeddedApi): AuditStore {
  const trajectoryId = (streamId: string) => streamId.replace(/^trajectory-/, '');
  const notFound = (streamId: string) => (error: unknown) => {
    if (error instanceof ApiRefusal && error.status === 404) throw new StreamNotFound(streamId);
    throw error;
  };
  return {
    description: api.description,
    close: async () => undefined,
    store: {
      readStream: (streamId: string) =>
        api.get<{ events: RecordedEvent[] }>(`/audit/trajectories/${trajectoryId(streamId)}/events`).then((r) => r.events, notFound(streamId)),
      verifyStream: (streamId: string) =>
        api
          .get<Omit<StreamVerification, 'streamId'>>(`/trajectories/${trajectoryId(streamId)}/verify`)
          .then((r) => ({ streamId, ok: r.ok, eventsChecked: r.eventsChecked, ...(r.firstBroken ? { firstBroken: r.firstBroken } : {}) }), notFound(streamId)),
    },
    verifyAll: (onProgress) => api.runJob('/audit/verifications', onProgress),
  };
}

/** An audit of a schema without the event tables would create them: refuse instead. */
async function assertEventTables(db: SqlDatabase, description: string): Promise<void> {
  try {
    const { rows } = await db.query<{ present: boolean }>(`SELECT to_regclass(quote_ident($1) || '.events') IS NOT NULL AS present`, [db.schema]);
    if (rows[0]?.present) return;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  await db.close().catch(() => undefined);
  throw new EventStoreStartupError('store-missing', `There is no event store in ${description}. Check DATABASE_URL and DATABASE_SCHEMA.`);
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
