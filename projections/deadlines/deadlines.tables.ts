import type { ProjectionMigration } from '../core/projection.port';

export const DEADLINES_STATE_TABLE = 'deadlines_trajectories';
export const DEADLINES_TABLE = 'deadlines_due';

export const DEADLINES_MIGRATIONS: ProjectionMigration[] = [
  {
    version: 1,
    name: 'deadlines tables',
    sql: `
      CREATE TABLE ${DEADLINES_STATE_TABLE} (
        trajectory_id text PRIMARY KEY,
        version integer NOT NULL,
        facts jsonb NOT NULL
      );
      CREATE TABLE ${DEADLINES_TABLE} (
        trajectory_id text NOT NULL,
        kind text NOT NULL,
        brique_code text NOT NULL DEFAULT '',
        owner_id text,
        due_on date NOT NULL,
        stage text NOT NULL,
        programme_code text NOT NULL,
        convention_id text,
        PRIMARY KEY (trajectory_id, kind, brique_code)
      );
      CREATE INDEX deadlines_due_on_idx ON ${DEADLINES_TABLE} (due_on, trajectory_id);
      CREATE INDEX deadlines_owner_due_idx ON ${DEADLINES_TABLE} (owner_id, due_on);
      CREATE INDEX deadlines_kind_due_idx ON ${DEADLINES_TABLE} (kind, due_on);
    `,
  },
];
