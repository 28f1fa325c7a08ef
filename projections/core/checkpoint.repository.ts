import { START, type Checkpoint } from '../../libs/event-store/src/event-store.port';
import type { SqlExecutor } from './sql.port';

export const CHECKPOINTS_TABLE = 'projection_checkpoints';

export const CHECKPOINTS_MIGRATIONS = [
  {
    version: 1,
    name: 'projection checkpoints',
    sql: `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (
      name text PRIMARY KEY,
      version text NOT NULL,
      checkpoint text NOT NULL,
      global_position bigint NOT NULL DEFAULT 0,
      events_applied bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      reset_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

export interface CheckpointRow {
  name: string;
  version: string;
  checkpoint: Checkpoint;
  globalPosition: number;
  eventsApplied: number;
  updatedAt: Date;
}

/**
 * Another runner moved the checkpoint under us: it must have taken the lock after ours was lost
 * (e.g. our lock connection dropped). The batch is rolled back, so nothing is applied twice.
 */
export class ProjectionFenced extends Error {
  readonly code = 'projection-fenced';
  constructor(
    readonly projection: string,
    readonly expected: Checkpoint,
  ) {
    super(`Projection ${projection} is no longer at ${expected}: another runner advanced it; this batch was rolled back.`);
  }
}

interface RawRow {
  name: string;
  version: string;
  checkpoint: string;
  global_position: string | number;
  events_applied: string | number;
  updated_at: Date | string;
}

function toRow(r: RawRow): CheckpointRow {
  return {
    name: r.name,
    version: r.version,
    checkpoint: r.checkpoint,
    globalPosition: Number(r.global_position),
    eventsApplied: Number(r.events_applied),
    updatedAt: new Date(r.updated_at),
  };
}

export const checkpointRepository = {
  async read(db: SqlExecutor, name: string): Promise<CheckpointRow | undefined> {
    const { rows } = await db.query<RawRow>(`SELECT * FROM ${CHECKPOINTS_TABLE} WHERE name = $1`, [name]);
    return rows[0] ? toRow(rows[0]) : undefined;
  },

  async all(db: SqlExecutor): Promise<CheckpointRow[]> {
    const { rows } = await db.query<RawRow>(`SELECT * FROM ${CHECKPOINTS_TABLE} ORDER BY name`);
    return rows.map(toRow);
  },

  /** Puts the projection back at the start of $all under a version: the first step of every (re)build. */
  async reset(db: SqlExecutor, name: string, version: string): Promise<void> {
    await db.query(
      `INSERT INTO ${CHECKPOINTS_TABLE} (name, version, checkpoint, global_position, events_applied, updated_at, reset_at)
       VALUES ($1, $2, $3, 0, 0, now(), now())
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, checkpoint = EXCLUDED.checkpoint,
         global_position = 0, events_applied = 0, updated_at = now(), reset_at = now()`,
      [name, version, START],
    );
  },

  /**
   * Compare-and-set: moves from `from` to `to` only if nobody moved it since. Under PostgreSQL's
   * READ COMMITTED a concurrent writer blocks on the row, then re-checks the WHERE against the
   * committed value, so of two runners that read the same checkpoint exactly one commits.
   */
  async advance(tx: SqlExecutor, name: string, from: Checkpoint, to: Checkpoint, globalPosition: number, count: number): Promise<void> {
    const { rows } = await tx.query<{ name: string }>(
      `UPDATE ${CHECKPOINTS_TABLE} SET checkpoint = $3, global_position = $4, events_applied = events_applied + $5, updated_at = now()
       WHERE name = $1 AND checkpoint = $2 RETURNING name`,
      [name, from, to, globalPosition, count],
    );
    if (rows.length !== 1) throw new ProjectionFenced(name, from);
  },
};
