import type { ProjectionMigration } from '../core/projection.port';

export const DEADLINES_STATE_TABLE = 'deadlines_trajectories';
export const DEADLINES_TABLE = 'deadlines_due';
/** Rows of deadlines_due per (due_on, kind), kept by triggers: what a count without a narrower filter sums. */
export const DEADLINES_COUNTS_TABLE = 'deadlines_due_counts';

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
  {
    version: 2,
    name: 'deadline counts per day and kind',
    // Counting the overdue rows scanned every one of them (11 ms at 20,000): the sum over days
    // and kinds reads a few hundred. Statement triggers with transition tables keep it exact
    // whoever writes deadlines_due (the projection deletes and re-inserts a trajectory's rows).
    sql: `
      CREATE TABLE ${DEADLINES_COUNTS_TABLE} (
        due_on date NOT NULL,
        kind text NOT NULL,
        n integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY (due_on, kind)
      );
      INSERT INTO ${DEADLINES_COUNTS_TABLE} (due_on, kind, n) SELECT due_on, kind, count(*) FROM ${DEADLINES_TABLE} GROUP BY due_on, kind;
      CREATE OR REPLACE FUNCTION deadlines_due_counts_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO ${DEADLINES_COUNTS_TABLE} AS c (due_on, kind, n)
          SELECT due_on, kind, count(*) FROM added GROUP BY due_on, kind
          ON CONFLICT (due_on, kind) DO UPDATE SET n = c.n + EXCLUDED.n;
        RETURN NULL;
      END $fn$;
      CREATE OR REPLACE FUNCTION deadlines_due_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE ${DEADLINES_COUNTS_TABLE} c SET n = c.n - r.n
          FROM (SELECT due_on, kind, count(*) AS n FROM removed GROUP BY due_on, kind) r
         WHERE c.due_on = r.due_on AND c.kind = r.kind;
        -- No row for an empty (day, kind): the table is then the same however the rows came and went.
        DELETE FROM ${DEADLINES_COUNTS_TABLE} c USING (SELECT DISTINCT due_on, kind FROM removed) r
         WHERE c.due_on = r.due_on AND c.kind = r.kind AND c.n = 0;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER deadlines_due_counts_on_insert AFTER INSERT ON ${DEADLINES_TABLE}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION deadlines_due_counts_add();
      CREATE TRIGGER deadlines_due_counts_on_delete AFTER DELETE ON ${DEADLINES_TABLE}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION deadlines_due_counts_remove();
      CREATE TRIGGER deadlines_due_counts_on_update_1 AFTER UPDATE ON ${DEADLINES_TABLE}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION deadlines_due_counts_remove();
      CREATE TRIGGER deadlines_due_counts_on_update_2 AFTER UPDATE ON ${DEADLINES_TABLE}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION deadlines_due_counts_add();
    `,
  },
  {
    version: 3,
    name: 'the programme cadence or milestone a deadline is for',
    // A brique may owe two cadences (3.2: a contact each month, a home visit each year): the code is part of the key.
    sql: `
      ALTER TABLE ${DEADLINES_TABLE} ADD COLUMN code text NOT NULL DEFAULT '';
      ALTER TABLE ${DEADLINES_TABLE} DROP CONSTRAINT ${DEADLINES_TABLE}_pkey;
      ALTER TABLE ${DEADLINES_TABLE} ADD PRIMARY KEY (trajectory_id, kind, brique_code, code);
    `,
  },
];
