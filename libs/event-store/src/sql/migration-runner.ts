import { createHash } from 'node:crypto';
import { quoteIdent, type SqlDatabase } from './sql-database';

export interface Migration {
  /** Positive integer, strictly increasing within a namespace. Never reuse or edit an applied one. */
  version: number;
  name: string;
  /** One or more statements. Runs in the same transaction as the rest of this run. */
  sql: string;
}

export interface MigrationSet {
  /** Who owns these migrations: 'event-store', 'projection:caseload', … */
  namespace: string;
  migrations: Migration[];
}

export interface MigrationOutcome {
  namespace: string;
  applied: number[];
  /** Highest version applied in this namespace after the run (0 if none). */
  currentVersion: number;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Applies the migrations of one namespace that the schema has not seen yet, in version order, in one
 * transaction. Several processes may start at once: a transaction-scoped advisory lock per schema
 * makes the second wait for the first, then find nothing left to do. Each applied migration's
 * checksum is kept; editing an already-applied migration is refused rather than silently ignored.
 */
export async function runMigrations(db: SqlDatabase, set: MigrationSet): Promise<MigrationOutcome> {
  const migrations = checkedMigrations(set);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`migrations:${db.schema}`]);
    // Under the lock: CREATE … IF NOT EXISTS is not itself safe against a concurrent twin.
    await tx.exec(
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(db.schema)};
       CREATE TABLE IF NOT EXISTS ${quoteIdent(db.schema)}.schema_migrations (
         namespace  text        NOT NULL,
         version    integer     NOT NULL,
         name       text        NOT NULL,
         checksum   text        NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (namespace, version)
       );`,
    );
    const { rows } = await tx.query<{ version: number; name: string; checksum: string }>(
      `SELECT version, name, checksum FROM ${quoteIdent(db.schema)}.schema_migrations WHERE namespace = $1 ORDER BY version`,
      [set.namespace],
    );
    const done = new Map(rows.map((row) => [Number(row.version), row]));
    const applied: number[] = [];
    for (const migration of migrations) {
      const checksum = sha256(migration.sql);
      const previous = done.get(migration.version);
      if (previous) {
        if (previous.checksum !== checksum) {
          throw new MigrationError(
            `Migration ${set.namespace} #${migration.version} (${migration.name}) was changed after it was applied to schema ${db.schema}. ` +
              'Applied migrations are immutable: add a new migration instead.',
          );
        }
        continue;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(
          `Migration ${set.namespace} #${migration.version} (${migration.name}) failed on schema ${db.schema}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await tx.query(
        `INSERT INTO ${quoteIdent(db.schema)}.schema_migrations (namespace, version, name, checksum) VALUES ($1, $2, $3, $4)`,
        [set.namespace, migration.version, migration.name, checksum],
      );
      applied.push(migration.version);
    }
    const versions = [...done.keys(), ...applied];
    return { namespace: set.namespace, applied, currentVersion: versions.length ? Math.max(...versions) : 0 };
  });
}

/** Highest applied version of a namespace, 0 when none (or when nothing was ever migrated). */
export async function currentMigrationVersion(db: SqlDatabase, namespace: string): Promise<number> {
  const { rows } = await db.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${quoteIdent(db.schema)}.schema_migrations WHERE namespace = $1`,
    [namespace],
  );
  return Number(rows[0]?.version ?? 0);
}

function checkedMigrations(set: MigrationSet): Migration[] {
  if (!set.namespace) throw new MigrationError('A migration set needs a namespace.');
  const sorted = [...set.migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new MigrationError(`Migration ${set.namespace} "${migration.name}" has version ${migration.version}: use a positive integer.`);
    }
    if (index > 0 && sorted[index - 1].version === migration.version) {
      throw new MigrationError(`Two migrations of ${set.namespace} share version ${migration.version}.`);
    }
  });
  return sorted;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
