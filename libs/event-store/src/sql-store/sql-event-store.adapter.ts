import { systemClock, type Clock } from '../../../domain/src';
import {
  START,
  type AppendResult,
  type Checkpoint,
  type EventHandler,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreInfo,
  type StreamVerification,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { EventIdConflict, EventStoreValidationError, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import { prepareAppend, toRecorded, validateLimit, validateStreamId, validateVersion, type PreparedAppend } from '../core/append-validation';
import { parseCheckpoint, formatCheckpoint } from '../core/checkpoint';
import { ChainVerifier } from '../core/hash-chain';
import { startPollingSubscription } from '../core/subscription-loop';
import { currentMigrationVersion, runMigrations } from '../sql/migration-runner';
import type { SqlDatabase, SqlExecutor } from '../sql/sql-database';
import { AppendNotifier } from './append-notifier';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.mapper';
import {
  EVENT_STORE_NAMESPACE,
  EXPECT_ANY,
  EXPECT_STREAM_EXISTS,
  SQLSTATE_EVENT_ID_CONFLICT,
  SQLSTATE_WRONG_EXPECTED_VERSION,
  SQLSTATE_XID_ORDER,
  eventStoreMigrations,
} from './event-store.migrations';

export interface SqlEventStoreOptions {
  /** Source of metadata.recordedAt. Default: the system clock. */
  clock?: Clock;
  /** Close the database when the store closes. Default false: whoever opened it closes it. */
  ownsDatabase?: boolean;
  /** Subscriber fallback poll when no notification arrives. Default 300 ms. */
  pollIntervalMs?: number;
}

interface AppendRow {
  r_global_position: string | number;
  r_version: number;
  r_tx_id: string;
  r_hash: string;
  r_replayed: boolean;
  r_type: string | null;
  r_schema_version: number | null;
  r_data: unknown;
  r_metadata: RecordedEvent['metadata'] | null;
}

const APPEND_SQL = 'SELECT * FROM es_append($1, $2, $3::uuid[], $4::text[], $5)';
const MAX_VERSION = 2_147_483_647;
const VERIFY_PAGE = 1000;

/**
 * The EventStore on PostgreSQL or PGlite: the same tables, the same es_append function, the same
 * reads (ADR 0001). It only differs by the SqlDatabase underneath.
 */
export class SqlEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly ownsDatabase: boolean;
  private readonly pollIntervalMs: number;
  private readonly wakeListeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private listening: Promise<(() => Promise<void>) | undefined> | undefined;
  /** PostgreSQL only: PGlite has one session and no commit concurrency to protect, so it notifies in SQL. */
  private readonly notifier: AppendNotifier | undefined;
  private closed = false;

  constructor(
    readonly db: SqlDatabase,
    options: SqlEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.ownsDatabase = options.ownsDatabase ?? false;
    this.pollIntervalMs = options.pollIntervalMs ?? 300;
    this.notifier = db.kind === 'postgres' ? new AppendNotifier(db, this.notificationChannel) : undefined;
  }

  /** Applies the store's migrations (safe to run from several processes at once), then opens it. */
  static async open(db: SqlDatabase, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    await runMigrations(db, eventStoreMigrations);
    return new SqlEventStore(db, options);
  }

  get notificationChannel(): string {
    return `es_${this.db.schema}`;
  }

  async append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    const result = await this.appendRows(this.db, streamId, events, options, this.notifier === undefined);
    this.wakeSubscribers();
    this.notifier?.poke();
    return result;
  }

  /**
   * The same append, inside a transaction the caller holds (e.g. to write events and something else
   * atomically). Nothing is visible, nor notified, before the caller commits.
   */
  appendWith(executor: SqlExecutor, streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    // NOTIFY from inside the caller's transaction: it is delivered when, and only if, that commits.
    return this.appendRows(executor, streamId, events, options, true);
  }

  private async appendRows(
    executor: SqlExecutor,
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion?: ExpectedVersion } | undefined,
    notifyInSql: boolean,
  ): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, options, this.clock);
    const expected = prepared.expectedVersion;
    const expectedCode = expected === 'any' ? EXPECT_ANY : expected === 'stream-exists' ? EXPECT_STREAM_EXISTS : expected === 'no-stream' ? 0 : expected;
    let rows: AppendRow[];
    try {
      ({ rows } = await executor.query<AppendRow>(APPEND_SQL, [
        prepared.streamId,
        expectedCode,
        prepared.events.map((e) => e.id),
        prepared.events.map((e) => e.body),
        notifyInSql,
      ]));
    } catch (error) {
      throw mapAppendError(error, prepared);
    }
    const recorded = rows.map((row, index) => {
      const stored = {
        version: row.r_version,
        globalPosition: Number(row.r_global_position),
        checkpoint: formatCheckpoint(row.r_tx_id, row.r_global_position),
        hash: row.r_hash,
      };
      if (!row.r_replayed) return toRecorded(prepared.streamId, prepared.events[index], stored);
      return {
        ...stored,
        id: prepared.events[index].id,
        streamId: prepared.streamId,
        type: row.r_type ?? '',
        schemaVersion: row.r_schema_version ?? 1,
        data: row.r_data,
        metadata: row.r_metadata ?? { recordedAt: '' },
      };
    });
    return { nextExpectedVersion: Math.max(...recorded.map((e) => e.version)), events: recorded };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateStreamId(streamId);
    const direction = options.direction ?? 'forwards';
    if (direction !== 'forwards' && direction !== 'backwards') {
      throw new EventStoreValidationError(`direction must be 'forwards' or 'backwards'`, 'direction');
    }
    const limit = validateLimit(options.limit) ?? null;
    const from = validateVersion(options.from, 'from');
    const { rows } =
      direction === 'forwards'
        ? await this.db.query<EventRow>(
            `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
            [streamId, from ?? 1, limit],
          )
        : await this.db.query<EventRow>(
            `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version <= $2 ORDER BY version DESC LIMIT $3`,
            [streamId, from ?? MAX_VERSION, limit],
          );
    if (rows.length === 0 && (await this.streamVersion(streamId)) === 0) throw new StreamNotFound(streamId);
    return rows.map(toRecordedEvent);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    validateStreamId(streamId);
    const { rows } = await this.db.query<{ version: number }>('SELECT version FROM streams WHERE stream_id = $1', [streamId]);
    return rows[0]?.version ?? 0;
  }

  /**
   * Events after a checkpoint in (transaction id, global position) order, limited to transactions
   * older than every transaction still running: a later reader can never find an event slotted in
   * before what it has already read (ADR 0001, "gap-free reading").
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = parseCheckpoint(options.after ?? START);
    const limit = validateLimit(options.limit) ?? null;
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE (tx_id, global_position) > ($1::xid8, $2::bigint)
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.tx_id, events.global_position
        LIMIT $3`,
      [after.commit.toString(), after.prepare.toString(), limit],
    );
    return rows.map(toRecordedEvent);
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    if (options.after !== undefined) parseCheckpoint(options.after);
    validateLimit(options.batchSize, 'batchSize');
    void this.startListening();
    const subscription = startPollingSubscription(
      {
        readAfter: (after: Checkpoint, limit: number) => this.readAll({ after, limit }),
        onWake: (listener) => {
          this.wakeListeners.add(listener);
          return () => this.wakeListeners.delete(listener);
        },
        isHeldBack: (after: Checkpoint) => this.isHeldBack(after),
      },
      handler,
      { after: options.after, batchSize: options.batchSize, pollIntervalMs: this.pollIntervalMs },
    );
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const verifier = new ChainVerifier(streamId);
    let from = 1;
    for (;;) {
      const page = await this.readStream(streamId, { from, limit: VERIFY_PAGE });
      for (const event of page) if (!verifier.push(event)) return verifier.result();
      if (page.length < VERIFY_PAGE) return verifier.result();
      from = page[page.length - 1].version + 1;
    }
  }

  async listStreams(options: { after?: string; limit?: number } = {}): Promise<string[]> {
    this.assertOpen();
    const limit = validateLimit(options.limit) ?? null;
    let afterSeq = '0';
    if (options.after !== undefined) {
      validateStreamId(options.after, 'after');
      const { rows } = await this.db.query<{ seq: string }>('SELECT seq::text AS seq FROM streams WHERE stream_id = $1', [options.after]);
      if (!rows[0]) throw new StreamNotFound(options.after);
      afterSeq = rows[0].seq;
    }
    const { rows } = await this.db.query<{ stream_id: string }>(
      'SELECT stream_id FROM streams WHERE version > 0 AND seq > $1::bigint ORDER BY seq LIMIT $2',
      [afterSeq, limit],
    );
    return rows.map((row) => row.stream_id);
  }

  async info(): Promise<StoreInfo> {
    this.assertOpen();
    const { rows } = await this.db.query<{ last_checkpoint: string | null; last_global_position: string | number | null }>(
      `SELECT (SELECT tx_id::text || '/' || global_position FROM events
                WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY events.tx_id DESC, events.global_position DESC LIMIT 1) AS last_checkpoint,
              (SELECT max(global_position) FROM events) AS last_global_position`,
    );
    return {
      kind: this.db.kind,
      schemaVersion: await currentMigrationVersion(this.db, EVENT_STORE_NAMESPACE),
      lastPosition: rows[0]?.last_checkpoint ?? START,
      lastGlobalPosition: Number(rows[0]?.last_global_position ?? 0),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.closed = true;
    await this.notifier?.close();
    const unlisten = await this.listening;
    await unlisten?.().catch(() => undefined);
    if (this.ownsDatabase) await this.db.close();
  }

  /** Committed events after `after` that readers may not see yet, because an older transaction is open. */
  private async isHeldBack(after: Checkpoint): Promise<boolean> {
    const position = parseCheckpoint(after);
    const { rows } = await this.db.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM events
                       WHERE (tx_id, global_position) > ($1::xid8, $2::bigint)
                         AND tx_id >= pg_snapshot_xmin(pg_current_snapshot())) AS held`,
      [position.commit.toString(), position.prepare.toString()],
    );
    return rows[0]?.held === true;
  }

  /**
   * LISTENs for appends made by other processes (subscribe() starts it without waiting). Without it,
   * subscribers still progress on their fallback poll, so a failure here is not fatal: resolves false.
   */
  async startListening(): Promise<boolean> {
    this.listening ??= this.db.listen(this.notificationChannel, () => this.wakeSubscribers()).catch(() => {
      this.listening = undefined;
      return undefined;
    });
    return (await this.listening) !== undefined;
  }

  private wakeSubscribers(): void {
    for (const listener of this.wakeListeners) listener();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('This event store is closed.');
  }
}

interface PgLikeError {
  code?: string;
  detail?: string;
  constraint?: string;
}

function mapAppendError(error: unknown, prepared: PreparedAppend): unknown {
  const e = (error ?? {}) as PgLikeError;
  switch (e.code) {
    // ES003: another append to the stream committed after this transaction began writing. To the
    // caller it is the same situation as a stale version (reload, retry); only appendWith() meets it.
    case SQLSTATE_WRONG_EXPECTED_VERSION:
    case SQLSTATE_XID_ORDER:
      return new WrongExpectedVersion(prepared.streamId, prepared.expectedVersion, Number(e.detail));
    case SQLSTATE_EVENT_ID_CONFLICT:
      return new EventIdConflict(prepared.streamId, (e.detail ?? '').split(',').filter(Boolean));
    case '23505':
      // Two appends racing with the same id into different streams: the unique index decides.
      if (e.constraint === 'events_id_key') return new EventIdConflict(prepared.streamId, prepared.events.map((ev) => ev.id));
      return error;
    default:
      return error;
  }
}
