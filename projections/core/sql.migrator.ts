import type { ProjectionMigration } from './projection.port';
import type { Migrator } from './projection.schema';
import type { ProjectionDatabase, SqlExecutor } from './sql.port';

const TABLE = 'projection_schema_migrations';

/**
 * Applies each namespace's migrations once, each in its own transaction with its record. A
 * transaction-scoped advisory lock serialises two processes starting at the same moment.
 */
export const sqlMigrator: Migrator = {
  async migrate(db: ProjectionDatabase, namespace: string, migrations: readonly ProjectionMigration[]): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      namespace text NOT NULL, version integer NOT NULL, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (namespace, version))`);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      await db.transaction(async (tx) => {
        if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${TABLE}:${namespace}`]);
        const { rows } = await tx.query(`SELECT 1 FROM ${TABLE} WHERE namespace = $1 AND version = $2`, [namespace, m.version]);
        if (rows.length > 0) return;
        await (tx.exec ? tx.exec(m.sql) : tx.query(m.sql));
        await tx.query(`INSERT INTO ${TABLE} (namespace, version, name) VALUES ($1, $2, $3)`, [namespace, m.version, m.name]);
      });
    }
  },

  async forget(tx: SqlExecutor, namespace: string): Promise<void> {
    await tx.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      namespace text NOT NULL, version integer NOT NULL, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (namespace, version))`);
    await tx.query(`DELETE FROM ${TABLE} WHERE namespace = $1`, [namespace]);
  },
};
