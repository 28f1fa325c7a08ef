import type { ProjectionMigration } from '../core/projection.port';

/** One row per trajectory: who outside the service it concerns, and what each of them may read. */
export const PARTNERS_TABLE = 'partner_trajectories';

export const PARTNERS_MIGRATIONS: ProjectionMigration[] = [
  {
    version: 1,
    name: 'partner trajectories',
    sql: `
      CREATE TABLE ${PARTNERS_TABLE} (
        trajectory_id text PRIMARY KEY,
        version integer NOT NULL,
        stage text NOT NULL,
        opened_on date NOT NULL,
        prescriber_id text,
        landlord_id text,
        relais_partner_id text,
        validator_id text,
        share_recipients text[] NOT NULL DEFAULT '{}',
        state jsonb NOT NULL
      );
      CREATE INDEX partner_trajectories_prescriber_idx ON ${PARTNERS_TABLE} (prescriber_id, opened_on);
      CREATE INDEX partner_trajectories_landlord_idx ON ${PARTNERS_TABLE} (landlord_id);
      CREATE INDEX partner_trajectories_relais_idx ON ${PARTNERS_TABLE} (relais_partner_id);
      CREATE INDEX partner_trajectories_validator_idx ON ${PARTNERS_TABLE} (validator_id);
      CREATE INDEX partner_trajectories_shares_idx ON ${PARTNERS_TABLE} USING gin (share_recipients);
    `,
  },
];
