import { runMigrations, type SqlDatabase } from '../../libs/event-store/src';
import type { ProjectionMigration } from './projection.port';
import type { Migrator } from './projection.schema';
import { sqlMigrator } from './sql.migrator';
import type { ProjectionDatabase, SqlExecutor } from './sql.port';

function isStoreDatabase(db: ProjectionDatabase): db is ProjectionDatabase & SqlDatabase {
  const candidate = db as Partial<SqlDatabase>;
  return typeof candidate.schema === 'string' && typeof candidate.exec === 'function';
}

/**
 * Projection tables go through the event store's migration runner, each projection under its own
 * namespace ('projection:caseload', …): one schema_migrations table, one advisory lock, checksums
 * that refuse an applied migration edited in place. Forgetting a namespace is what lets a rebuild
 * (or a new projection version) apply its migrations again on fresh tables.
 * A database that is not one of the store's (a test double) falls back to sqlMigrator.
 */
export const storeMigrator: Migrator = {
  async migrate(db: ProjectionDatabase, namespace: string, migrations: readonly ProjectionMigration[]): Promise<void> {
    if (!isStoreDatabase(db)) return sqlMigrator.migrate(db, namespace, migrations);
    await runMigrations(db, { namespace, migrations: [...migrations] });
  },

  async forget(tx: SqlExecutor, namespace: string): Promise<void> {
    // Both bookkeeping tables: whichever migrator applied the namespace before.
    for (const table of ['schema_migrations', 'projection_schema_migrations']) {
      const { rows } = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]);
      if (rows[0]?.t) await tx.query(`DELETE FROM ${table} WHERE namespace = $1`, [namespace]);
    }
  },
};
