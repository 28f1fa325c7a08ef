import type { ProjectionMigration } from '../core/projection.port';

export const RETENTION_TRAJECTORIES_TABLE = 'retention_trajectories';
export const RETENTION_ERASED_TABLE = 'retention_erased';

/** Ids, codes and dates only: what deciding a household's retention needs, nothing that names anyone. */
export const RETENTION_MIGRATIONS: ProjectionMigration[] = [
  {
    version: 1,
    name: 'retention tables',
    sql: `
      CREATE TABLE ${RETENTION_TRAJECTORIES_TABLE} (
        trajectory_id text PRIMARY KEY,
        household_id text NOT NULL,
        facts jsonb NOT NULL,
        programme_code text NOT NULL,
        last_contact_on date NOT NULL,
        closed boolean NOT NULL
      );
      CREATE INDEX retention_household_idx ON ${RETENTION_TRAJECTORIES_TABLE} (household_id);
      CREATE TABLE ${RETENTION_ERASED_TABLE} (
        household_id text PRIMARY KEY,
        erased_on date NOT NULL
      );
    `,
  },
];
