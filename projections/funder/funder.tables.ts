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
];
