import { PgSqlDatabase, SqlEventStore, type EventStore, type SqlDatabase } from '../../libs/event-store/src';
import type { Migrator } from '../../projections/core/projection.schema';
import { storeMigrator } from '../../projections/core/store.migrator';

/** The PostgreSQL store and its database in a schema of their own, as the worker opens them. */
export async function openBenchStore(url: string, schema: string): Promise<{ store: EventStore; db: SqlDatabase; migrator: Migrator; close(): Promise<void> }> {
  const db = new PgSqlDatabase({ connectionString: url, schema, max: 12, applicationName: 'bench-projections' });
  const store = await SqlEventStore.open(db);
  return {
    store,
    db,
    migrator: storeMigrator,
    close: async () => {
      await store.close();
      await db.close();
    },
  };
}
