import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { CHECKPOINTS_TABLE } from '../core/checkpoint.repository';
import { upsertJsonRows } from '../core/json-rows';
import type { Projection, ProjectionTx } from '../core/projection.port';
import type { SqlExecutor } from '../core/sql.port';
import { ListConventionDirectory, type ConventionInfo } from './convention-directory';
import { conventionFromEvent, FEED_CONVENTIONS_TABLE, loadConventions, saveConventions } from './feed-conventions';
import { FEED_SCHEMA_VERSION, type FeedRecordDraft } from './feed-record';
import { flushPending, mapFeedEvent, type MappingContext, type TrajectoryFeedState } from './feed-record.mapper';
import { FEED_MIGRATIONS, FEED_NOTIFY_CHANNEL, FEED_RECORDS_TABLE, FEED_TRAJECTORIES_TABLE } from './feed.tables';
import type { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

export const FEED_PROJECTION = 'funder-feed';

export interface FeedProjectionOptions {
  pseudonymiser: TrajectoryPseudonymiser;
}

interface BatchUnit {
  ctx: MappingContext & { directory: ListConventionDirectory };
  newConventions: ConventionInfo[];
  loaded: Map<string, TrajectoryFeedState>;
  current: Map<string, TrajectoryFeedState>;
  records: FeedRecordDraft[];
}

const SLOT = `${FEED_PROJECTION}:batch`;

/**
 * The feed table is the outbox: its records are inserted in the runner's batch transaction together
 * with the checkpoint, so a record exists if and only if its event is counted as applied.
 */
export function feedProjection(options: FeedProjectionOptions): Projection {
  const unitOf = (tx: ProjectionTx): BatchUnit => {
    const unit = tx.scratch.get(SLOT) as BatchUnit | undefined;
    if (!unit) throw new Error(`projection ${FEED_PROJECTION}: handle() called outside a batch`);
    return unit;
  };

  return {
    name: FEED_PROJECTION,
    version: '1',
    tables: [FEED_RECORDS_TABLE, FEED_TRAJECTORIES_TABLE, FEED_CONVENTIONS_TABLE],
    migrations: FEED_MIGRATIONS,

    async beforeBatch(events: readonly RecordedEvent[], tx: ProjectionTx) {
      // Sequence numbers must become visible in the order they are taken. The runner's advisory lock
      // already makes this the only writer; locking the checkpoint row first makes it hold even for a
      // runner that lost its lock without knowing: it waits here, before taking any number, until the
      // other transaction has committed, and then fails the checkpoint compare-and-set.
      await tx.query(`SELECT 1 FROM ${CHECKPOINTS_TABLE} WHERE name = $1 FOR UPDATE`, [FEED_PROJECTION]);
      const ids = [...new Set(events.map((e) => trajectoryKey(e.streamId)).filter((k): k is string => k !== undefined))];
      const loaded = new Map<string, TrajectoryFeedState>();
      if (ids.length > 0) {
        const { rows } = await tx.query<{ trajectory_id: string; state: TrajectoryFeedState | string }>(
          `SELECT trajectory_id, state FROM ${FEED_TRAJECTORIES_TABLE}
            WHERE trajectory_id IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(ids)],
        );
        for (const r of rows) loaded.set(r.trajectory_id, typeof r.state === 'string' ? JSON.parse(r.state) : r.state);
      }
      const directory = new ListConventionDirectory(await loadConventions(tx));
      const unit: BatchUnit = { ctx: { directory, pseudonymiser: options.pseudonymiser }, newConventions: [], loaded, current: new Map(loaded), records: [] };
      tx.scratch.set(SLOT, unit);
    },

    async handle(event: RecordedEvent, tx: ProjectionTx) {
      const unit = unitOf(tx);
      const convention = conventionFromEvent(event);
      if (convention) {
        unit.ctx.directory.add(convention);
        unit.newConventions.push(convention);
        await releaseWaiting(tx, unit);
        return;
      }
      const key = trajectoryKey(event.streamId);
      if (key === undefined) return;
      const result = mapFeedEvent(unit.current.get(key), event, unit.ctx);
      if (result.state) unit.current.set(key, result.state);
      unit.records.push(...result.records);
    },

    async afterBatch(tx: ProjectionTx) {
      const unit = unitOf(tx);
      tx.scratch.delete(SLOT);
      const changed = [...unit.current].filter(([key, state]) => unit.loaded.get(key) !== state);
      await upsertJsonRows(
        tx,
        FEED_TRAJECTORIES_TABLE,
        [
          { name: 'trajectory_id', type: 'text' },
          { name: 'state', type: 'jsonb' },
          { name: 'pending', type: 'integer' },
        ],
        ['trajectory_id'],
        changed.map(([key, state]) => ({ trajectory_id: key, state, pending: state.pending.length })),
      );
      await saveConventions(tx, unit.newConventions);
      await insertRecords(tx, unit.records);
      // Live tails wake at once instead of at their next poll; a notification is sent only on commit.
      if (unit.records.length > 0) await tx.query('SELECT pg_notify($1, $2)', [FEED_NOTIFY_CHANNEL, '']);
    },
  };
}

/** A new convention may be the one some trajectories' records were waiting for: send them now. */
async function releaseWaiting(tx: ProjectionTx, unit: BatchUnit): Promise<void> {
  const { rows } = await tx.query<{ trajectory_id: string; state: TrajectoryFeedState | string }>(
    `SELECT trajectory_id, state FROM ${FEED_TRAJECTORIES_TABLE} WHERE pending > 0 ORDER BY trajectory_id`,
  );
  for (const r of rows) {
    if (!unit.current.has(r.trajectory_id)) {
      const state = typeof r.state === 'string' ? (JSON.parse(r.state) as TrajectoryFeedState) : r.state;
      unit.loaded.set(r.trajectory_id, state);
      unit.current.set(r.trajectory_id, state);
    }
  }
  for (const [key, state] of [...unit.current].sort(([a], [b]) => a.localeCompare(b))) {
    const result = flushPending(state, unit.ctx);
    if (result.records.length === 0 || !result.state) continue;
    unit.current.set(key, result.state);
    unit.records.push(...result.records);
  }
}

function trajectoryKey(streamId: string): string | undefined {
  return streamId.startsWith('trajectory-') ? streamId.slice('trajectory-'.length) : undefined;
}

/**
 * One statement per batch. Rows are fed to the insert sorted by their place in the batch, so the
 * sequence follows the order of the events (a funder reads a saisine before its diagnostic).
 * A record already there (same id: the batch was replayed) is skipped.
 */
async function insertRecords(tx: SqlExecutor, records: readonly FeedRecordDraft[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r, ord) => ({
    ord,
    record_id: r.recordId,
    funder_id: r.funderId,
    convention_id: r.conventionId,
    trajectory_pseudonym: r.trajectoryPseudonym,
    kind: r.kind,
    business_date: r.businessDate,
    profile: r.profile,
    details: r.details,
    source_event_id: r.sourceEventId,
  }));
  await tx.query(
    `INSERT INTO ${FEED_RECORDS_TABLE}
       (record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details, schema_version, source_event_id)
     SELECT record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details, ${FEED_SCHEMA_VERSION}, source_event_id
       FROM jsonb_to_recordset($1::jsonb) AS r(ord integer, record_id uuid, funder_id text, convention_id text, trajectory_pseudonym text,
            kind text, business_date text, profile jsonb, details jsonb, source_event_id text)
      ORDER BY ord
     ON CONFLICT (record_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
