import type { MigrationSet } from '../../../../libs/event-store/src';

/** Applied migrations are immutable: change the table with a new version, never by editing one. */
export const ACCESS_LOG_MIGRATIONS: MigrationSet = {
  namespace: 'access-log',
  migrations: [
    {
      version: 1,
      name: 'access_log table',
      sql: `
CREATE TABLE access_log (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL,
  actor_id       text        NOT NULL,
  actor_role     text        NOT NULL,
  trajectory_id  uuid        NOT NULL,
  resource       text        NOT NULL CHECK (resource IN ('trajectory', 'history')),
  correlation_id text
);
CREATE INDEX access_log_trajectory_idx ON access_log (trajectory_id, id);
CREATE INDEX access_log_actor_idx ON access_log (actor_id, id);
`,
    },
    {
      version: 2,
      name: 'household exports are logged (right of access)',
      sql: `
ALTER TABLE access_log DROP CONSTRAINT access_log_resource_check;
ALTER TABLE access_log ADD CONSTRAINT access_log_resource_check CHECK (resource IN ('trajectory', 'history', 'household-export'));
`,
    },
  ],
};
