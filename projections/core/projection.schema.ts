import { CHECKPOINTS_MIGRATIONS, checkpointRepository } from './checkpoint.repository';
import type { Projection, ProjectionMigration } from './projection.port';
import type { ProjectionDatabase, SqlExecutor } from './sql.port';

/** Applies a namespace's migrations once each; forget() lets a rebuild apply them again. */
export interface Migrator {
  migrate(db: ProjectionDatabase, namespace: string, migrations: readonly ProjectionMigration[]): Promise<void>;
  forget(tx: SqlExecutor, namespace: string): Promise<void>;
}

export const CHECKPOINTS_NAMESPACE = 'projections';

/** The version a checkpoint row holds while its tables are dropped and made again: not yet readable. */
export const RESETTING = '(resetting)';

export function projectionNamespace(name: string): string {
  return `projection:${name}`;
}

/**
 * A projection's tables: created by its migrations, dropped and created again by a rebuild. The
 * stored version tells whether the tables were built by the handler now running; if not, they are
 * rebuilt before anyone reads them.
 */
export class ProjectionSchema {
  constructor(
    private readonly db: ProjectionDatabase,
    private readonly migrator: Migrator,
  ) {}

  async ensureCheckpoints(): Promise<void> {
    await this.migrator.migrate(this.db, CHECKPOINTS_NAMESPACE, CHECKPOINTS_MIGRATIONS);
  }

  /** Call with the projection's lock held. Returns true when it had to start from scratch. */
  async ensure(projection: Projection): Promise<boolean> {
    await this.ensureCheckpoints();
    const row = await checkpointRepository.read(this.db, projection.name);
    if (row && row.version === projection.version) {
      await this.migrator.migrate(this.db, projectionNamespace(projection.name), projection.migrations);
      return false;
    }
    await this.reset(projection);
    return true;
  }

  /** Drops the tables and puts the checkpoint back at the start. Call with the lock held. */
  async reset(projection: Projection): Promise<void> {
    await this.ensureCheckpoints();
    // The version is only written once the tables exist again: a crash in between leaves a version
    // that matches no handler, so the next start resets again instead of following an empty table.
    await this.db.transaction(async (tx) => {
      for (const table of projection.tables) await tx.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
      await this.migrator.forget(tx, projectionNamespace(projection.name));
      await checkpointRepository.reset(tx, projection.name, RESETTING);
    });
    await this.migrator.migrate(this.db, projectionNamespace(projection.name), projection.migrations);
    await checkpointRepository.reset(this.db, projection.name, projection.version);
  }

  /**
   * After a rebuild the planner knows nothing of the new rows and the visibility map is empty:
   * VACUUM (ANALYZE) gives the queries their statistics and index-only scans at once instead of
   * whenever autovacuum gets there.
   */
  async analyze(projection: Projection): Promise<void> {
    for (const table of projection.tables) {
      await this.db.query(`VACUUM (ANALYZE) ${table}`).catch(() => this.db.query(`ANALYZE ${table}`));
    }
  }
}
