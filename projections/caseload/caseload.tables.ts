import type { ProjectionMigration } from '../core/projection.port';

export const CASELOAD_TABLE = 'caseload_trajectories';
/** The folded facts live apart: the listed table stays narrow, so counts scan a few pages, not megabytes of jsonb. */
export const CASELOAD_STATE_TABLE = 'caseload_state';
/** Trajectories per (stage, referent; '' for none): the facet counts of the usual screens without a scan. */
export const CASELOAD_COUNTS_TABLE = 'caseload_counts';

export const CASELOAD_MIGRATIONS: ProjectionMigration[] = [
  {
    version: 1,
    name: 'caseload table',
    sql: `
      CREATE TABLE ${CASELOAD_TABLE} (
        trajectory_id text PRIMARY KEY,
        version integer NOT NULL,
        stage text NOT NULL,
        stage_since date NOT NULL,
        opened_on date NOT NULL,
        referent_id text,
        programme_code text NOT NULL,
        convention_id text,
        prescriber_kind text NOT NULL,
        prescriber_name text NOT NULL,
        prescriber_id text,
        suspended boolean NOT NULL DEFAULT false,
        next_deadline_kind text,
        next_deadline_on date,
        next_deadline_brique text
      );
      CREATE TABLE ${CASELOAD_COUNTS_TABLE} (
        stage text NOT NULL,
        referent_id text NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (stage, referent_id)
      );
      CREATE TABLE ${CASELOAD_STATE_TABLE} (
        trajectory_id text PRIMARY KEY,
        facts jsonb NOT NULL
      );
      CREATE INDEX caseload_open_order_idx ON ${CASELOAD_TABLE} (next_deadline_on, trajectory_id) WHERE stage <> 'closed';
      CREATE INDEX caseload_referent_idx ON ${CASELOAD_TABLE} (referent_id, next_deadline_on);
      CREATE INDEX caseload_stage_order_idx ON ${CASELOAD_TABLE} (stage, next_deadline_on, trajectory_id);
      CREATE INDEX caseload_programme_idx ON ${CASELOAD_TABLE} (programme_code);
      CREATE INDEX caseload_convention_idx ON ${CASELOAD_TABLE} (convention_id);
      CREATE INDEX caseload_prescriber_idx ON ${CASELOAD_TABLE} (prescriber_name);
    `,
  },
];
