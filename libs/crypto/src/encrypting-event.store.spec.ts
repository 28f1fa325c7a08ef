jest.mock('@electric-sql/pglite', () => jest.requireActual('../../event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { FixedClock } from '../../domain/src';
import { PgliteSqlDatabase, PgSqlDatabase, SqlEventStore, type NewEvent, type SqlDatabase } from '../../event-store/src';
import { uniqueSchema } from '../../event-store/src/testing/sql-fixtures';
import { EncryptingEventStore } from './encrypting-event.store';
import { KeyDestroyed, MasterKeyMissing } from './key-store.port';
import { generateMasterKey } from './master-key';
import { ALTERED, ERASED } from './personal-data.cipher';
import { SqlKeyStore } from './sql-key.store';

const PERSONAL = { household: { lastName: 'Quetzalcoatl-Brindille', phone: '07 11 22 33 44' }, comment: 'Dette chez Mandragore' };
const MARKERS = ['Quetzalcoatl', '07 11 22 33 44', 'Mandragore'];

function saisine(householdId: string, personal: unknown = PERSONAL): NewEvent {
  return { id: randomUUID(), type: 'SaisineReceived', data: { householdId, motives: ['access'], personal }, metadata: { householdId, occurredAt: '2026-01-05' } };
}
function note(householdId: string, text: string): NewEvent {
  return { id: randomUUID(), type: 'NoteRecorded', data: { category: 'note', personal: { text } }, metadata: { householdId, occurredAt: '2026-01-06' } };
}

type Opener = (schema: string) => Promise<SqlDatabase>;

const targets: [string, Opener][] = [];
let pglite: PGlite | undefined;
targets.push(['PGlite', async (schema) => PgliteSqlDatabase.create({ pglite: (pglite ??= await PGlite.create()), schema })]);
if (process.env.DATABASE_URL) targets.push(['PostgreSQL', async (schema) => new PgSqlDatabase({ connectionString: process.env.DATABASE_URL as string, schema, max: 4 })]);

afterAll(async () => {
  await pglite?.close();
});

describe.each(targets)('household encryption on %s', (_name, openDb) => {
  let db: SqlDatabase;
  let inner: SqlEventStore;
  let keys: SqlKeyStore;
  let store: EncryptingEventStore;
  const master = generateMasterKey('k1');

  beforeEach(async () => {
    db = await openDb(uniqueSchema('crypto'));
    inner = await SqlEventStore.open(db, { clock: new FixedClock('2026-02-01T10:00:00Z') });
    keys = await SqlKeyStore.open(db, { current: master });
    store = new EncryptingEventStore(inner, keys);
  });

  afterEach(async () => {
    await db.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
    await inner.close();
    await db.close();
  });

  async function storedText(): Promise<string> {
    const { rows } = await db.query<{ t: string }>(`SELECT data::text || metadata::text AS t FROM events ORDER BY global_position`);
    const keyRows = await db.query<{ t: string }>(`SELECT row_to_json(k)::text AS t FROM household_keys k`);
    return [...rows, ...keyRows.rows].map((r) => r.t).join('\n');
  }

  it('stores personal data only as ciphertext and opens it on every read path', async () => {
    const h = randomUUID();
    const appended = await store.append(`trajectory-${randomUUID()}`, [saisine(h)]);
    expect(appended.events[0].data).toMatchObject({ personal: PERSONAL, motives: ['access'] });
    const text = await storedText();
    for (const m of MARKERS) expect(text).not.toContain(m);
    expect(text).toContain('"$sealed": "aes-256-gcm"');
    expect(text).toContain('"motives": ["access"]');

    const streamId = appended.events[0].streamId;
    expect((await store.readStream(streamId))[0].data).toMatchObject({ personal: PERSONAL });
    expect((await store.readAll()).find((e) => e.streamId === streamId)?.data).toMatchObject({ personal: PERSONAL });
    const seen: unknown[] = [];
    const sub = store.subscribe((e) => {
      seen.push(e.data);
    });
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await sub.stop();
    expect(seen[0]).toMatchObject({ personal: PERSONAL });
    expect((await store.sealedStore.readStream(streamId))[0].data).toMatchObject({ personal: { $sealed: 'aes-256-gcm', kid: h } });
    expect(await keys.streamsOf(h)).toEqual([streamId]);
  });

  it('erases: the key row is gone, reads show { $erased: true }, the chain still verifies, new personal data is refused', async () => {
    const h = randomUUID();
    const other = randomUUID();
    const streamId = `trajectory-${randomUUID()}`;
    await store.append(streamId, [saisine(h), note(h, 'second note')]);
    await store.append(`trajectory-${randomUUID()}`, [saisine(other)]);
    const before = await db.query(`SELECT id, data::text, hash FROM events WHERE stream_id = $1 ORDER BY version`, [streamId]);

    expect(await keys.destroy(h, 'household-request')).toBe(true);
    expect(await keys.destroy(h, 'again')).toBe(false);
    expect(await keys.status(h)).toBe('destroyed');
    const { rows } = await db.query<{ wrapped_key: unknown; master_key_id: unknown; destroyed_reason: string }>(`SELECT * FROM household_keys WHERE household_id = $1`, [h]);
    expect(rows).toEqual([expect.objectContaining({ wrapped_key: null, master_key_id: null, destroyed_reason: 'household-request' })]);

    const read = await store.readStream(streamId);
    expect(read.map((e) => (e.data as { personal: unknown }).personal)).toEqual([ERASED, ERASED]);
    expect(read[0].data).toMatchObject({ householdId: h, motives: ['access'] });
    expect((await store.readAll()).filter((e) => (e.data as { personal?: unknown }).personal === ERASED)).toHaveLength(2);
    expect(await store.verifyStream(streamId)).toMatchObject({ ok: true, eventsChecked: 2 });
    // Nothing about the events changed: erasure is the key's deletion only.
    expect((await db.query(`SELECT id, data::text, hash FROM events WHERE stream_id = $1 ORDER BY version`, [streamId])).rows).toEqual(before.rows);

    await expect(store.append(streamId, [note(h, 'after')])).rejects.toBeInstanceOf(KeyDestroyed);
    // Categorical facts can still be recorded for an erased household.
    await store.append(streamId, [{ id: randomUUID(), type: 'TrajectoryClosed', data: { endReason: 'housed' }, metadata: { householdId: h } }]);
    // Another household is untouched.
    expect((await store.readAll()).find((e) => (e.data as { householdId?: string }).householdId === other)?.data).toMatchObject({ personal: PERSONAL });
  });

  it('refuses personal data without a household, and detects an envelope altered or moved to another event', async () => {
    await expect(store.append('trajectory-x', [{ id: randomUUID(), type: 'NoteRecorded', data: { personal: { text: 'x' } } }])).rejects.toMatchObject({
      code: 'household-required',
    });
    const h = randomUUID();
    const streamId = `trajectory-${randomUUID()}`;
    await store.append(streamId, [note(h, 'first'), note(h, 'second')]);
    // Swap the two envelopes: each is intact, but bound to the other event.
    await db.query(
      `UPDATE events e SET data = o.data FROM events o WHERE e.stream_id = $1 AND o.stream_id = $1 AND e.version <> o.version`,
      [streamId],
    );
    await expect(store.readStream(streamId)).rejects.toThrow(/does not decrypt: it was altered or moved/);
    expect((await store.verifyStream(streamId)).ok).toBe(false);
    // The verified read shows the break instead of failing: what no longer opens reads as altered.
    const verified = await store.readVerifiedStream(streamId);
    expect(verified.integrity).toMatchObject({ ok: false, eventsChecked: 1, firstBroken: { version: 1, reason: 'hash-mismatch' } });
    expect(verified.events.map((e) => (e.data as { personal?: unknown }).personal)).toEqual([ALTERED, ALTERED]);
  });

  it('reads a stream once with its chain checked on the stored ciphertext, and opens it', async () => {
    const h = randomUUID();
    const streamId = `trajectory-${randomUUID()}`;
    await store.append(streamId, [note(h, 'first'), note(h, 'second'), note(h, 'third')]);
    const intact = await store.readVerifiedStream(streamId);
    expect(intact.integrity).toEqual({ streamId, ok: true, eventsChecked: 3 });
    expect(intact.events.map((e) => (e.data as { personal: { text: string } }).personal.text)).toEqual(['first', 'second', 'third']);

    await db.query(`UPDATE events SET metadata = jsonb_set(metadata, '{recordedAt}', '"2030-01-01T00:00:00.000Z"') WHERE stream_id = $1 AND version = 2`, [streamId]);
    const altered = await store.readVerifiedStream(streamId);
    expect(altered.integrity).toMatchObject({ ok: false, eventsChecked: 2, firstBroken: { version: 2, id: intact.events[1].id, reason: 'hash-mismatch' } });
    // Its personal data still opens (the envelope was not touched): only the chain says it changed.
    expect(altered.events.map((e) => (e.data as { personal: { text: string } }).personal.text)).toEqual(['first', 'second', 'third']);
  });

  it('rotates the master key without touching an event: byte-identical rows that still decrypt', async () => {
    const households = Array.from({ length: 3 }, () => randomUUID());
    for (const h of households) await store.append(`trajectory-${randomUUID()}`, [saisine(h), note(h, `note of ${h}`)]);
    await keys.destroy(households[2], 'retention-expired');
    const eventsBefore = (await db.query(`SELECT global_position, data::text AS data, metadata::text AS metadata, hash FROM events ORDER BY 1`)).rows;
    const wrappedBefore = (await db.query(`SELECT household_id, wrapped_key::text AS w FROM household_keys ORDER BY 1`)).rows;

    const k2 = generateMasterKey('k2');
    expect(await keys.rotateMasterKey(k2)).toEqual({ rewrapped: 2 });
    expect(await keys.masterKeyUsage()).toEqual([{ masterKeyId: 'k2', dataKeys: 2 }]);
    expect((await db.query(`SELECT global_position, data::text AS data, metadata::text AS metadata, hash FROM events ORDER BY 1`)).rows).toEqual(eventsBefore);
    expect((await db.query(`SELECT household_id, wrapped_key::text AS w FROM household_keys ORDER BY 1`)).rows).not.toEqual(wrappedBefore);

    // A process that only has the new key reads everything; one that only has the old one reads nothing.
    const fresh = new EncryptingEventStore(inner, new SqlKeyStore(db, { current: k2 }));
    const opened = await fresh.readAll();
    expect(opened.filter((e) => e.type === 'NoteRecorded').map((e) => (e.data as { personal: unknown }).personal)).toEqual([
      { text: `note of ${households[0]}` },
      { text: `note of ${households[1]}` },
      ERASED,
    ]);
    await expect(new EncryptingEventStore(inner, new SqlKeyStore(db, { current: master })).readAll()).rejects.toBeInstanceOf(MasterKeyMissing);
    for (const h of households) await expect(fresh.verifyStream((await keys.streamsOf(h))[0])).resolves.toMatchObject({ ok: true });
    // Rotating again to the same key is a no-op; a previous key still unwraps rows not yet rewrapped.
    expect(await keys.rotateMasterKey(k2)).toEqual({ rewrapped: 0 });
    const late = new SqlKeyStore(db, { current: master });
    const straggler = randomUUID();
    await new EncryptingEventStore(inner, late).append(`trajectory-${randomUUID()}`, [saisine(straggler)]);
    const both = new SqlKeyStore(db, { current: k2, previous: [master] });
    expect((await both.findMany([straggler])).size).toBe(1);
    expect(await both.masterKeyUsage()).toEqual([
      { masterKeyId: 'k1', dataKeys: 1 },
      { masterKeyId: 'k2', dataKeys: 2 },
    ]);
    expect(await both.rotateMasterKey(k2)).toEqual({ rewrapped: 1 });
  });

  it('creates one key per household even when writers race, and a keyless process can still erase', async () => {
    const h = randomUUID();
    const racers = Array.from({ length: 4 }, () => new SqlKeyStore(db, { current: master }));
    const got = await Promise.all(racers.map((k) => k.obtain(h)));
    expect(new Set(got.map((k) => k.toString('hex'))).size).toBe(1);
    const keyless = new SqlKeyStore(db);
    await expect(keyless.obtain(randomUUID())).rejects.toBeInstanceOf(MasterKeyMissing);
    expect(await keyless.destroy(h, 'retention-expired')).toBe(true);
    await expect(racers[0].findMany([h])).resolves.toEqual(new Map());
  });
});
