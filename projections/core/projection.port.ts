import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import type { SqlExecutor } from './sql.port';

/**
 * What a handler gets for one event: the batch's open transaction (every write it does commits with
 * the new checkpoint, or not at all) and a per-batch scratch space. The scratch lets a projection
 * load the rows a batch touches with one query and write them back with one statement in
 * afterBatch: per-event round trips would cap a rebuild at a few thousand events a second.
 */
export interface ProjectionTx extends SqlExecutor {
  readonly scratch: Map<string, unknown>;
}

/** Same shape as the store's migrations: applied once per namespace, in version order. */
export interface ProjectionMigration {
  version: number;
  name: string;
  sql: string;
}

export interface Projection {
  /** kebab-case, unique: also its checkpoint key and lock name. */
  readonly name: string;
  /**
   * Changes whenever the handler would build different rows from the same events (new rule, new
   * column, programme settings that feed due dates). A runner that finds another version stored
   * drops and replays the projection before serving it.
   */
  readonly version: string;
  /** Every table the projection owns, dropped by a rebuild. */
  readonly tables: readonly string[];
  readonly migrations: readonly ProjectionMigration[];
  /** Applies one event. Must be idempotent: seeing an event it already applied changes nothing. */
  handle(event: RecordedEvent, tx: ProjectionTx): Promise<void>;
  beforeBatch?(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void>;
  afterBatch?(tx: ProjectionTx): Promise<void>;
}
