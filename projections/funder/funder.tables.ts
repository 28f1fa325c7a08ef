import type { ProjectionMigration } from '../core/projection.port';

export const FUNDER_TRAJECTORIES_TABLE = 'funder_trajectories';
export const FUNDER_CONVENTIONS_TABLE = 'funder_conventions';

/** No column here may hold a name or free text: these rows are what funders' figures are made of. */
export const FUNDER_MIGRATIONS: ProjectionMigration[] = [
  {
    version: 1,
    name: 'funder tables',
    sql: `
      CREATE TABLE ${FUNDER_CONVENTIONS_TABLE} (
        id text PRIMARY KEY,
        version integer NOT NULL,
        funder text NOT NULL,
        programme_code text NOT NULL,
        year integer NOT NULL,
        created_on date NOT NULL,
        terms jsonb NOT NULL
      );
      CREATE INDEX funder_conventions_programme_year_idx ON ${FUNDER_CONVENTIONS_TABLE} (programme_code, year);
      CREATE TABLE ${FUNDER_TRAJECTORIES_TABLE} (
        trajectory_id text PRIMARY KEY,
        version integer NOT NULL,
        programme_code text NOT NULL,
        saisine_year integer NOT NULL,
        saisine_convention_id text,
        contract_convention_id text,
        facts jsonb NOT NULL
      );
      CREATE INDEX funder_trajectories_contract_idx ON ${FUNDER_TRAJECTORIES_TABLE} (contract_convention_id);
      CREATE INDEX funder_trajectories_saisine_idx ON ${FUNDER_TRAJECTORIES_TABLE} (saisine_convention_id);
      CREATE INDEX funder_trajectories_programme_idx ON ${FUNDER_TRAJECTORIES_TABLE} (programme_code, saisine_year);
    `,
  },
  {
    version: 2,
    name: 'convention codes, log position and idempotency keys',
    sql: `
      ALTER TABLE ${FUNDER_CONVENTIONS_TABLE} ADD COLUMN code text NOT NULL DEFAULT '';
      ALTER TABLE ${FUNDER_CONVENTIONS_TABLE} ADD COLUMN position bigint NOT NULL DEFAULT 0;
      ALTER TABLE ${FUNDER_CONVENTIONS_TABLE} ADD COLUMN idempotency_key text;
      CREATE INDEX funder_conventions_natural_key_idx ON ${FUNDER_CONVENTIONS_TABLE} (programme_code, year, funder, code);
      CREATE INDEX funder_conventions_idempotency_idx ON ${FUNDER_CONVENTIONS_TABLE} (idempotency_key);
    `,
  },
];
