import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { formatCheckpoint } from '../core/checkpoint';

/**
 * Columns every read selects, in one place so reads and the benchmark's raw baseline agree.
 * Careful: "tx_id" here is the text form, and a bare ORDER BY tx_id would sort that text
 * ("1000" before "993"); order by events.tx_id, the xid8 column.
 */
export const EVENT_COLUMNS =
  'global_position, tx_id::text AS tx_id, stream_id, version, id, type, schema_version, data, metadata, hash';

export interface EventRow {
  /** node-postgres returns int8 as a string, PGlite as a number. */
  global_position: string | number;
  tx_id: string;
  stream_id: string;
  version: number;
  id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata & { recordedAt: string };
  hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    version: row.version,
    globalPosition: Number(row.global_position),
    checkpoint: formatCheckpoint(row.tx_id, row.global_position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  };
}
