import type { ProjectionMigration } from '../../../../projections/core/projection.port';
import { storeMigrator } from '../../../../projections/core/store.migrator';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { RelayFenced, type RelayPositionStore } from './relay-position.port';

export const RELAY_POSITIONS_TABLE = 'feed_relay_positions';

/**
 * Kept out of the feed projection's tables: a feed rebuild keeps its sequence going (see
 * feed.tables.ts), so a stored position stays meaningful across rebuilds and must survive them.
 */
export const RELAY_POSITION_MIGRATIONS: readonly ProjectionMigration[] = [
  {
    version: 1,
    name: 'relay-positions',
    sql: `CREATE TABLE IF NOT EXISTS ${RELAY_POSITIONS_TABLE} (
      relay text PRIMARY KEY,
      sequence bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

export class SqlRelayPositionStore implements RelayPositionStore {
  constructor(private readonly db: ProjectionDatabase) {}

  async migrate(): Promise<void> {
    await storeMigrator.migrate(this.db, 'feed-relay', RELAY_POSITION_MIGRATIONS);
  }

  async load(relay: string): Promise<number> {
    const { rows } = await this.db.query<{ sequence: string | number }>(`SELECT sequence FROM ${RELAY_POSITIONS_TABLE} WHERE relay = $1`, [relay]);
    return rows[0] ? Number(rows[0].sequence) : 0;
  }

  async save(relay: string, from: number, to: number): Promise<void> {
    // The first save inserts; later ones only move from the position this relay read.
    const { rows } = await this.db.query<{ relay: string }>(
      `INSERT INTO ${RELAY_POSITIONS_TABLE} AS p (relay, sequence) VALUES ($1, $3)
       ON CONFLICT (relay) DO UPDATE SET sequence = EXCLUDED.sequence, updated_at = now() WHERE p.sequence = $2
       RETURNING relay`,
      [relay, from, to],
    );
    if (rows.length !== 1) throw new RelayFenced(relay, from);
  }
}
