import { isUuid, type Clock } from '../../../domain/src';
import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { EventStoreValidationError } from '../event-store.errors';
import { checkJsonString, canonicalJson, NotJsonError } from './canonical-json';
import { canonicalBodyFrom, completeCanonical } from './hash-chain';

/**
 * Everything a writer hands to append() is checked here, before any I/O, so that a bad append is
 * refused with a message naming the field and nothing is written. Every adapter uses it.
 */

export const MAX_STREAM_ID_LENGTH = 200;
export const MAX_TYPE_LENGTH = 200;
const MAX_INT4 = 2_147_483_647;

export interface PreparedEvent {
  /** Lower-cased: PostgreSQL prints uuids in lower case and the hash must match what it gives back. */
  id: string;
  type: string;
  schemaVersion: number;
  /** Canonical text without the version (see hash-chain.ts). */
  body: string;
}

export interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  recordedAt: string;
  events: PreparedEvent[];
}

export function validateStreamId(streamId: unknown, field = 'streamId'): string {
  if (typeof streamId !== 'string' || streamId.trim().length === 0) {
    throw new EventStoreValidationError(`${field} must be a non-empty string`, field);
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new EventStoreValidationError(`${field} must be at most ${MAX_STREAM_ID_LENGTH} characters (got ${streamId.length})`, field);
  }
  guard(() => checkJsonString(streamId, field), field);
  return streamId;
}

export function validateExpectedVersion(expected: unknown): ExpectedVersion {
  if (expected === 'any' || expected === 'no-stream' || expected === 'stream-exists') return expected;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0 && expected <= MAX_INT4) return expected;
  throw new EventStoreValidationError(
    `expectedVersion must be a non-negative integer, 'no-stream', 'stream-exists' or 'any' (got ${describe(expected)})`,
    'expectedVersion',
  );
}

export function validateLimit(limit: unknown, field = 'limit'): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new EventStoreValidationError(`${field} must be a positive integer (got ${describe(limit)})`, field);
  }
  return limit;
}

export function validateVersion(version: unknown, field: string): number | undefined {
  if (version === undefined) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0 || version > MAX_INT4) {
    throw new EventStoreValidationError(`${field} must be a non-negative integer (got ${describe(version)})`, field);
  }
  return version;
}

export function prepareAppend(
  streamId: unknown,
  events: unknown,
  options: { expectedVersion?: unknown } | undefined,
  clock: Clock,
): PreparedAppend {
  const id = validateStreamId(streamId);
  const expectedVersion = validateExpectedVersion(options?.expectedVersion ?? 'any');
  if (!Array.isArray(events) || events.length === 0) {
    throw new EventStoreValidationError('events must be a non-empty array', 'events');
  }
  // One instant per append: the events of one command were recorded together.
  const recordedAt = clock.now().toISOString();
  const seen = new Set<string>();
  const prepared = events.map((event: unknown, index) => {
    const p = prepareEvent(id, event, index, recordedAt);
    if (seen.has(p.id)) throw new EventStoreValidationError(`events[${index}].id ${p.id} appears twice in this append`, `events[${index}].id`);
    seen.add(p.id);
    return p;
  });
  return { streamId: id, expectedVersion, recordedAt, events: prepared };
}

function prepareEvent(streamId: string, raw: unknown, index: number, recordedAt: string): PreparedEvent {
  const at = `events[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EventStoreValidationError(`${at} must be an object with id, type and data`, at);
  }
  const event = raw as Partial<NewEvent> & Record<string, unknown>;
  if (!isUuid(event.id)) throw new EventStoreValidationError(`${at}.id must be a uuid (got ${describe(event.id)})`, `${at}.id`);
  if (typeof event.type !== 'string' || event.type.trim().length === 0) {
    throw new EventStoreValidationError(`${at}.type must be a non-empty string`, `${at}.type`);
  }
  if (event.type.length > MAX_TYPE_LENGTH) {
    throw new EventStoreValidationError(`${at}.type must be at most ${MAX_TYPE_LENGTH} characters`, `${at}.type`);
  }
  guard(() => checkJsonString(event.type as string, `${at}.type`), `${at}.type`);
  const schemaVersion = event.schemaVersion ?? 1;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > MAX_INT4) {
    throw new EventStoreValidationError(`${at}.schemaVersion must be a positive integer (got ${describe(schemaVersion)})`, `${at}.schemaVersion`);
  }
  if (!('data' in event) || event.data === undefined) {
    throw new EventStoreValidationError(`${at}.data is missing (use null or {} for an event without data)`, `${at}.data`);
  }
  const metadata = event.metadata ?? {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new EventStoreValidationError(`${at}.metadata must be an object`, `${at}.metadata`);
  }
  const id = event.id.toLowerCase();
  const fields = { id, streamId, type: event.type, schemaVersion, data: event.data, metadata: { ...metadata, recordedAt } };
  // Serialise data and metadata separately so a refusal names the right one.
  const dataJson = guard(() => canonicalJson(event.data, `${at}.data`), `${at}.data`);
  const metadataJson = guard(() => canonicalJson(fields.metadata, `${at}.metadata`), `${at}.metadata`);
  return { id, type: event.type, schemaVersion, body: canonicalBodyFrom(fields, dataJson, metadataJson) };
}

/** The event as a reader will get it back, built from what was sent rather than read again. */
export function toRecorded(
  streamId: string,
  event: PreparedEvent,
  stored: { version: number; globalPosition: number; checkpoint: string; hash: string },
): RecordedEvent {
  // Parsing the canonical text gives exactly what jsonb will hand back, free of caller aliasing.
  const parsed = JSON.parse(completeCanonical(event.body, stored.version)) as { data: unknown; metadata: EventMetadata & { recordedAt: string } };
  return {
    id: event.id,
    streamId,
    version: stored.version,
    globalPosition: stored.globalPosition,
    checkpoint: stored.checkpoint,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: parsed.data,
    metadata: parsed.metadata,
    hash: stored.hash,
  };
}

function guard<T>(fn: () => T, field: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new EventStoreValidationError(`${error.path} ${error.reason}`, error.path.startsWith('$') ? field : error.path);
    }
    throw error;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}
