import type { MigrationSet } from '../sql/migration-runner';

export const EVENT_STORE_NAMESPACE = 'event-store';

/** Custom SQLSTATEs raised by es_append; the adapter maps them to typed errors. */
export const SQLSTATE_WRONG_EXPECTED_VERSION = 'ES001';
export const SQLSTATE_EVENT_ID_CONFLICT = 'ES002';
export const SQLSTATE_XID_ORDER = 'ES003';

/** How es_append receives an expectedVersion: a version >= 0 ('no-stream' is 0), or one of these. */
export const EXPECT_ANY = -1;
export const EXPECT_STREAM_EXISTS = -2;

/**
 * es_append does the whole append in one statement, hence one round trip (ADR 0001):
 *  1. take a transaction-scoped advisory lock on the stream, so appends to one stream queue up. An
 *     advisory lock, not SELECT … FOR UPDATE: locking a row gives the transaction its id (xid) before
 *     it waits, and readers order events by xid, so a waiter could overtake the writer it waited
 *     for. Here the xid is only taken after the lock, hence xids follow versions within a stream;
 *  2. if every id is already in this stream, return the stored events (an idempotent retry);
 *     if only some are stored anywhere, refuse (ES002);
 *  3. check the expected version, raising ES001 with the actual version in DETAIL;
 *  4. refuse (ES003) a transaction that got its xid before the stream's last writer did: possible
 *     only when the caller wrote something else earlier in the same transaction;
 *  5. chain the hashes: the caller sends each event's canonical text minus its version, which only
 *     this function knows for sure, so it completes the text and hashes it here;
 *  6. write the stream row and the events, and NOTIFY subscribers (delivered at commit).
 * Any error rolls the statement back as a whole: a refused append writes nothing.
 */
const V1_SCHEMA = `
CREATE TABLE streams (
  stream_id   text    PRIMARY KEY,
  version     integer NOT NULL CHECK (version >= 1),
  last_hash   text    NOT NULL,
  last_tx_id  xid8    NOT NULL,
  seq         bigint  GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE events (
  global_position bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id       text    NOT NULL REFERENCES streams (stream_id),
  version         integer NOT NULL CHECK (version >= 1),
  id              uuid    NOT NULL,
  type            text    NOT NULL,
  schema_version  integer NOT NULL,
  data            jsonb   NOT NULL,
  metadata        jsonb   NOT NULL,
  hash            text    NOT NULL,
  tx_id           xid8    NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT events_id_key UNIQUE (id),
  CONSTRAINT events_stream_version_key UNIQUE (stream_id, version)
);

CREATE INDEX events_tx_position_idx ON events (tx_id, global_position);

CREATE FUNCTION es_append(p_stream_id text, p_expected integer, p_ids uuid[], p_bodies text[])
RETURNS TABLE (r_global_position bigint, r_version integer, r_tx_id text, r_hash text, r_replayed boolean,
               r_type text, r_schema_version integer, r_data jsonb, r_metadata jsonb)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_exists   boolean;
  v_version  integer := 0;
  v_hash     bytea := decode(repeat('00', 32), 'hex');
  v_last_tx  xid8;
  v_tx       xid8;
  v_found    integer;
  v_here     integer;
  v_body     text;
  v_hashes   text[] := ARRAY[]::text[];
  v_n        integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('es_append:' || current_schema() || ':' || p_stream_id, 0));

  SELECT s.version, decode(s.last_hash, 'hex'), s.last_tx_id INTO v_version, v_hash, v_last_tx
    FROM streams s WHERE s.stream_id = p_stream_id;
  v_exists := FOUND;
  IF NOT v_exists THEN
    v_version := 0;
    v_hash := decode(repeat('00', 32), 'hex');
  END IF;

  SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id) INTO v_found, v_here
    FROM events e WHERE e.id = ANY (p_ids);
  IF v_found > 0 THEN
    IF v_here = cardinality(p_ids) THEN
      RETURN QUERY
        SELECT e.global_position, e.version, e.tx_id::text, e.hash, true, e.type, e.schema_version, e.data, e.metadata
          FROM unnest(p_ids) WITH ORDINALITY AS u(id, ord) JOIN events e ON e.id = u.id
         ORDER BY u.ord;
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'ES002',
      MESSAGE = format('%s of %s event ids appended to %s are already stored', v_found, cardinality(p_ids), p_stream_id),
      DETAIL = (SELECT string_agg(e.id::text, ',') FROM events e WHERE e.id = ANY (p_ids));
  END IF;

  IF (p_expected = -2 AND v_version = 0) OR (p_expected >= 0 AND p_expected <> v_version) THEN
    RAISE EXCEPTION USING ERRCODE = 'ES001',
      MESSAGE = format('stream %s is at version %s', p_stream_id, v_version),
      DETAIL = v_version::text;
  END IF;

  v_tx := pg_current_xact_id();
  IF v_last_tx IS NOT NULL AND v_tx < v_last_tx THEN
    RAISE EXCEPTION USING ERRCODE = 'ES003',
      MESSAGE = format('this transaction wrote before the last append to %s committed; retry it', p_stream_id),
      DETAIL = v_version::text;
  END IF;

  FOREACH v_body IN ARRAY p_bodies LOOP
    v_n := v_n + 1;
    v_hash := sha256(v_hash || convert_to(v_body || (v_version + v_n)::text || '}', 'UTF8'));
    v_hashes := v_hashes || encode(v_hash, 'hex');
  END LOOP;

  IF v_exists THEN
    UPDATE streams SET version = v_version + v_n, last_hash = encode(v_hash, 'hex'), last_tx_id = v_tx
     WHERE stream_id = p_stream_id;
  ELSE
    INSERT INTO streams (stream_id, version, last_hash, last_tx_id)
    VALUES (p_stream_id, v_version + v_n, encode(v_hash, 'hex'), v_tx);
  END IF;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO events (stream_id, version, id, type, schema_version, data, metadata, hash)
      SELECT p_stream_id, v_version + u.ord, u.id, d.doc ->> 'type', (d.doc ->> 'schemaVersion')::integer,
             d.doc -> 'data', d.doc -> 'metadata', u.hash
        FROM unnest(p_ids, p_bodies, v_hashes) WITH ORDINALITY AS u(id, body, hash, ord)
       CROSS JOIN LATERAL (SELECT (u.body || (v_version + u.ord)::text || '}')::jsonb AS doc) d
       ORDER BY u.ord
      RETURNING events.global_position, events.version, events.tx_id, events.hash
    )
    SELECT i.global_position, i.version, i.tx_id::text, i.hash, false, NULL::text, NULL::integer, NULL::jsonb, NULL::jsonb
      FROM inserted i ORDER BY i.version;

  PERFORM pg_notify('es_' || current_schema(), '');
END
$fn$;
`;

/**
 * Version 2, after benchmarking version 1 (ADR 0001, "Measured"):
 *  - NOTIFY inside the appending transaction takes a cluster-wide lock held until after the commit
 *    is flushed, so concurrent appends could not share a WAL flush (no group commit). es_append now
 *    notifies only when asked (p_notify): appends made inside a caller's transaction still do, while
 *    the adapter's own appends are announced right after commit by a coalesced, asynchronous NOTIFY;
 *  - the idempotency probe moved off the happy path: inserts use ON CONFLICT (id) DO NOTHING, and
 *    the stored events are looked up only when something was not inserted or the version is stale;
 *  - the foreign key from events to streams is dropped: es_append is the only writer and writes both,
 *    and the per-row RI check cost more than the rest of a 100-event append.
 */
const V2_APPEND = `
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_stream_id_fkey;
DROP FUNCTION es_append(text, integer, uuid[], text[]);

CREATE FUNCTION es_append(p_stream_id text, p_expected integer, p_ids uuid[], p_bodies text[], p_notify boolean DEFAULT true)
RETURNS TABLE (r_global_position bigint, r_version integer, r_tx_id text, r_hash text, r_replayed boolean,
               r_type text, r_schema_version integer, r_data jsonb, r_metadata jsonb)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_exists   boolean;
  v_version  integer := 0;
  v_hash     bytea := decode(repeat('00', 32), 'hex');
  v_last_tx  xid8;
  v_tx       xid8;
  v_count    integer := cardinality(p_ids);
  v_inserted integer;
  v_body     text;
  v_hashes   text[] := ARRAY[]::text[];
  v_n        integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('es_append:' || current_schema() || ':' || p_stream_id, 0));

  SELECT s.version, decode(s.last_hash, 'hex'), s.last_tx_id INTO v_version, v_hash, v_last_tx
    FROM streams s WHERE s.stream_id = p_stream_id;
  v_exists := FOUND;
  IF NOT v_exists THEN
    v_version := 0;
    v_hash := decode(repeat('00', 32), 'hex');
  END IF;

  IF (p_expected = -2 AND v_version = 0) OR (p_expected >= 0 AND p_expected <> v_version) THEN
    -- A retry of an append that did succeed carries a stale expected version: answer it with what is stored.
    IF (SELECT count(*) FROM events e WHERE e.id = ANY (p_ids) AND e.stream_id = p_stream_id) = v_count THEN
      RETURN QUERY SELECT * FROM es_stored(p_stream_id, p_ids);
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'ES001',
      MESSAGE = format('stream %s is at version %s', p_stream_id, v_version),
      DETAIL = v_version::text;
  END IF;

  v_tx := pg_current_xact_id();
  IF v_last_tx IS NOT NULL AND v_tx < v_last_tx THEN
    RAISE EXCEPTION USING ERRCODE = 'ES003',
      MESSAGE = format('this transaction wrote before the last append to %s committed; retry it', p_stream_id),
      DETAIL = v_version::text;
  END IF;

  FOREACH v_body IN ARRAY p_bodies LOOP
    v_n := v_n + 1;
    v_hash := sha256(v_hash || convert_to(v_body || (v_version + v_n)::text || '}', 'UTF8'));
    v_hashes := v_hashes || encode(v_hash, 'hex');
  END LOOP;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO events (stream_id, version, id, type, schema_version, data, metadata, hash)
      SELECT p_stream_id, v_version + u.ord, u.id, d.doc ->> 'type', (d.doc ->> 'schemaVersion')::integer,
             d.doc -> 'data', d.doc -> 'metadata', u.hash
        FROM unnest(p_ids, p_bodies, v_hashes) WITH ORDINALITY AS u(id, body, hash, ord)
       CROSS JOIN LATERAL (SELECT (u.body || (v_version + u.ord)::text || '}')::jsonb AS doc) d
       ORDER BY u.ord
      ON CONFLICT (id) DO NOTHING
      RETURNING events.global_position, events.version, events.tx_id, events.hash
    )
    SELECT i.global_position, i.version, i.tx_id::text, i.hash, false, NULL::text, NULL::integer, NULL::jsonb, NULL::jsonb
      FROM inserted i ORDER BY i.version;
  GET DIAGNOSTICS v_inserted = ROW_COUNT;

  IF v_inserted < v_count THEN
    IF v_inserted = 0 AND (SELECT count(*) FROM events e WHERE e.id = ANY (p_ids) AND e.stream_id = p_stream_id) = v_count THEN
      RETURN QUERY SELECT * FROM es_stored(p_stream_id, p_ids);
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'ES002',
      MESSAGE = format('%s of %s event ids appended to %s are already stored', v_count - v_inserted, v_count, p_stream_id),
      DETAIL = (SELECT string_agg(e.id::text, ',') FROM events e WHERE e.id = ANY (p_ids));
  END IF;

  IF v_exists THEN
    UPDATE streams SET version = v_version + v_n, last_hash = encode(v_hash, 'hex'), last_tx_id = v_tx
     WHERE stream_id = p_stream_id;
  ELSE
    INSERT INTO streams (stream_id, version, last_hash, last_tx_id)
    VALUES (p_stream_id, v_version + v_n, encode(v_hash, 'hex'), v_tx);
  END IF;

  IF p_notify THEN
    PERFORM pg_notify('es_' || current_schema(), '');
  END IF;
END
$fn$;

CREATE FUNCTION es_stored(p_stream_id text, p_ids uuid[])
RETURNS TABLE (r_global_position bigint, r_version integer, r_tx_id text, r_hash text, r_replayed boolean,
               r_type text, r_schema_version integer, r_data jsonb, r_metadata jsonb)
LANGUAGE sql STABLE AS $fn$
  SELECT e.global_position, e.version, e.tx_id::text, e.hash, true, e.type, e.schema_version, e.data, e.metadata
    FROM unnest(p_ids) WITH ORDINALITY AS u(id, ord) JOIN events e ON e.id = u.id AND e.stream_id = p_stream_id
   ORDER BY u.ord
$fn$;
`;

export const eventStoreMigrations: MigrationSet = {
  namespace: EVENT_STORE_NAMESPACE,
  migrations: [
    { version: 1, name: 'streams, events, es_append', sql: V1_SCHEMA },
    { version: 2, name: 'es_append: optional NOTIFY, idempotency off the happy path, no RI trigger', sql: V2_APPEND },
  ],
};
