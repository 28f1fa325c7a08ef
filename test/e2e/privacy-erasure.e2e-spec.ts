// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomBytes, randomUUID } from 'node:crypto';
import { captureLog } from '../../libs/logging/src/testing/captured-log';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { PROJECTIONS_DATABASE } from '../../apps/api/src/projections/projections.tokens';
import { EVENT_STORE } from '../../apps/api/src/store/store.tokens';
import { SNAPSHOT_CACHE } from '../../apps/api/src/trajectories/trajectory.tokens';
import type { SnapshotCache } from '../../workflows/engine/src';
import { directAuditStore } from '../../apps/cli/src/audit-store';
import { runCli } from '../../apps/cli/src/cli';
import { replayCommand } from '../../apps/cli/src/commands/replay.command';
import { verifyCommand } from '../../apps/cli/src/commands/verify.command';
import { capturedIo } from '../../apps/cli/src/testing/captured-io';
import { EncryptingEventStore, formatMasterKey, generateMasterKey, isSealed, open, type SealedPersonal } from '../../libs/crypto/src';
import { FixedClock } from '../../libs/domain/src';
import type { SqlDatabase } from '../../libs/event-store/src';
import { waitForCheckpoint } from '../../projections/core/projection.host';
import { catchUp } from '../../projections/core/testing/projection-harness';
import { feedProjection } from '../../projections/feeds/feed.projection';
import { TrajectoryPseudonymiser } from '../../projections/feeds/trajectory-pseudonymiser';
import { BUILT_IN_PROJECTION_NAMES } from '../../projections/projections.catalogue';
import { authHeaders, TEST_AUTH, type Actor } from './support/auth';
import type { E2eApp } from './support/e2e-app';
import { ADMIN, AUDITOR, COORDINATOR, e2eCatalogue, GRID, REFERENT, saisine } from './support/fixtures';
import { advanceTo, TrajectoryClient } from './support/trajectory-client';

/**
 * Issue 8, end to end: a household's personal data is sealed under its own key, an admin erases it,
 * and then nothing anywhere (any table of the database, the app's logs) holds it in clear or in a
 * form anyone can still open, while every read keeps working and the funders' figures do not move.
 */
const H = {
  lastName: 'Brocéliande-Tartempion',
  firstName: 'Eulalie',
  otherMember: 'Gontran-Séraphin',
  phone: '06 71 82 93 04',
  email: 'eulalie.broceliande@exemple.invalid',
  address: '23 allée des Korrigans',
  contact: 'Hildegarde Pommeraye',
  note: 'Korrigan: loyer impayé depuis la tempête',
  summary: 'Visite chez Eulalie, chaudière en panne',
  objective: 'Obtenir un F3 à Quimperlé',
  meetingPlace: 'Médiathèque de Kerbrat',
  landlordContact: 'M. Pérec-Loriot 02 98 00 11 22',
  handOver: 'Préfère les appels du mardi matin, Mélusine',
  comment: 'Refus poli, orientée vers le CCAS de Quimperlé',
} as const;
const H_MARKERS = Object.values(H);
const K_NAME = 'Zorglub-Vercingétorix';

const POSTGRES = Boolean(process.env.DATABASE_URL);

describe(`erasing a household (${POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  const clock = new FixedClock('2026-01-02T09:00:00Z');
  const log = captureLog('api', 'trace');
  const printed: string[] = [];
  const schema = POSTGRES ? `privacy_e2e_${process.pid}_${randomBytes(3).toString('hex')}` : undefined;
  const householdH = randomUUID();
  const householdK = randomUUID();
  let e2e: E2eApp;
  let db: SqlDatabase;
  let store: EncryptingEventStore;
  let conventionId: string;
  let main: TrajectoryClient;
  let second: TrajectoryClient;
  let control: TrajectoryClient;
  const restore: (() => void)[] = [];

  const as = async (actor: Actor, method: 'get' | 'post', url: string, body?: object) => {
    const req = e2e.http()[method](url).set(await authHeaders(actor));
    return body ? req.send(body) : req;
  };
  const feed = () => feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(Buffer.alloc(32, 7)) });
  /** Every read model up to the end of the store, the funder feed included (the worker runs it in production). */
  const caughtUp = async () => {
    const { lastPosition } = await store.info();
    await waitForCheckpoint(db, lastPosition, BUILT_IN_PROJECTION_NAMES, 60_000);
    await catchUp(store.sealedStore, db, [feed()], 200);
  };

  beforeAll(async () => {
    // Capture what the process prints besides Nest's logger, passing it through.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => void (stream.write = write));
    }
    const previous = process.env.RUN_PROJECTIONS_IN_API;
    process.env.RUN_PROJECTIONS_IN_API = 'true';
    restore.push(() => (previous === undefined ? delete process.env.RUN_PROJECTIONS_IN_API : (process.env.RUN_PROJECTIONS_IN_API = previous)));
    const { app } = await createApp({
      ...(POSTGRES ? { databaseUrl: process.env.DATABASE_URL, schema } : {}),
      masterKeys: { masterKey: formatMasterKey(generateMasterKey('k1')), required: true },
      clock,
      catalogue: e2eCatalogue(),
      auth: TEST_AUTH,
      logger: log.logger,
      docs: false,
    });
    await app.getHttpAdapter().getInstance().ready();
    const server = app.getHttpAdapter().getInstance().server;
    store = app.get(EVENT_STORE);
    db = app.get(PROJECTIONS_DATABASE);
    e2e = { kind: POSTGRES ? 'postgres' : 'pglite', app, clock, store, http: () => request(server), close: () => app.close() };

    // POST /conventions reads the funder read model (its natural key): let the in-process projections create it first.
    await caughtUp();
    const convention = await as(ADMIN, 'post', '/conventions', {
      funder: 'departement-x',
      programme: 'asll-test',
      year: 2026,
      prices: { perDiagnosticCents: 15000, perMonthCents: 19000 },
      yearlyCapCents: 4000000,
    });
    expect(convention.status).toBe(201);
    conventionId = convention.body.id;

    // H, first trajectory: personal data in every place a command can carry it.
    main = new TrajectoryClient(e2e, REFERENT);
    await main.open(
      saisine('2026-01-05', {
        conventionId,
        householdId: householdH,
        personal: {
          household: { lastName: H.lastName, firstName: H.firstName, otherMembers: [{ firstName: H.otherMember }], address: H.address, phone: H.phone, email: H.email },
          prescriberContact: { name: H.contact, phone: H.phone },
          comment: H.note,
        },
      }),
      COORDINATOR,
    );
    await main.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
    await main.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit', personal: { summary: H.summary } });
    await main.run('record-diagnostic-step', { occurredAt: '2026-01-14', step: '1.1', status: 'done', personal: { summary: H.summary } });
    await main.run('record-evaluation-grid', { occurredAt: '2026-01-20', ratings: GRID, personal: { comments: [{ axis: 'savoir-louer', comment: H.note }] } });
    await main.run('record-note', { occurredAt: '2026-01-21', category: 'contact-attempt', personal: { text: H.note } });
    await main.run('conclude-diagnostic', { occurredAt: '2026-01-28', outcome: 'propose-accompaniment', householdSigned: true, personal: { summary: H.summary } });
    await main.run('draft-contract', {
      occurredAt: '2026-02-02',
      measureType: 'ASLL',
      briques: ['2.1'],
      durationMonths: 6,
      bilanEveryMonths: 3,
      meetingFrequency: 'monthly',
      occupancyStatus: 'direct-lease',
      landlord: { name: 'Finistère Habitat' },
      conventionId,
      objectives: [{ id: 'obj-1' }],
      personal: { objectives: [{ id: 'obj-1', text: H.objective }], meetingPlace: H.meetingPlace, landlordContact: H.landlordContact },
    });
    for (const party of ['household', 'referent', 'landlord']) await main.run('sign-contract', { occurredAt: '2026-02-05', party });
    await main.run('start-brique', { occurredAt: '2026-02-06', code: '2.1', personal: { objective: H.objective } });
    await main.run('record-point', { occurredAt: '2026-02-20', briqueCode: '2.1', mode: 'home-visit', personal: { summary: H.summary } });
    await main.run('record-point', { occurredAt: '2026-03-20', briqueCode: '2.1', mode: 'phone', personal: { summary: H.note } });
    await main.run('change-referent', { occurredAt: '2026-03-25', referentId: REFERENT.id === 'referent-1' ? 'referent-2' : 'referent-1', personal: { handOverNote: H.handOver } }, { actor: COORDINATOR });
    main.actor = COORDINATOR;
    await main.run('record-bilan', { occurredAt: '2026-05-05', personal: { summary: H.summary } });

    // H, second trajectory (a new saisine for the same household), declined.
    second = new TrajectoryClient(e2e, COORDINATOR);
    await second.open(saisine('2026-05-10', { conventionId, householdId: householdH, personal: { household: { lastName: H.lastName, phone: H.phone } } }), COORDINATOR);
    await second.run('decline', { occurredAt: '2026-05-12', orientation: { kind: 'ccas', partnerName: 'CCAS de Quimperlé' }, personal: { comment: H.comment } });

    // K: another household, which must stay readable.
    control = new TrajectoryClient(e2e, COORDINATOR);
    await control.open(saisine('2026-05-15', { conventionId, householdId: householdK, personal: { household: { lastName: K_NAME } } }), COORDINATOR);
    advanceTo(e2e, '2026-06-01');
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
    if (schema) {
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
    for (const r of restore.reverse()) r();
  });

  /** Every row of every table the app's database holds for this test, as text. */
  async function everyTable(): Promise<{ tables: string[]; text: string }> {
    const { rows } = await db.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND ${POSTGRES ? 'table_schema = $1' : "table_schema NOT IN ('pg_catalog', 'information_schema') AND $1::text IS NOT NULL"}
        ORDER BY 1, 2`,
      [db.schema],
    );
    let text = '';
    for (const { s, t } of rows) {
      const dump = await db.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM "${s}"."${t}" x`);
      text += `\n## ${s}.${t}\n${dump.rows.map((r) => r.r).join('\n')}`;
    }
    return { tables: rows.map((r) => `${r.s}.${r.t}`), text };
  }

  const found = (haystack: string, needles: readonly string[]) => needles.filter((n) => haystack.toLowerCase().includes(n.toLowerCase()));
  const figures = async () => ({
    report: (await as(AUDITOR, 'get', `/conventions/${conventionId}/report?year=2026`)).body,
    consumption: (await as(AUDITOR, 'get', `/conventions/${conventionId}/consumption?year=2026`)).body,
    dashboard: (await as(AUDITOR, 'get', `/conventions/${conventionId}/dashboard?month=2026-02`)).body,
  });
  const rowsOf = async (streamIds: string[]) =>
    (await db.query(`SELECT stream_id, version, id, data::text AS data, metadata::text AS metadata, hash FROM events WHERE stream_id = ANY($1::text[]) ORDER BY global_position`, [streamIds])).rows;

  it('erases H: no table, no log holds its personal data or its key; every read still works; the figures do not move', async () => {
    await caughtUp();
    const streams = [`trajectory-${main.id}`, `trajectory-${second.id}`];
    const before = await everyTable();
    // Encrypted at rest from the start: the events never held it in clear.
    expect(found(before.text, H_MARKERS)).toEqual([]);
    expect(before.tables.length).toBeGreaterThanOrEqual(12);
    for (const expected of ['events', 'household_keys', 'household_streams', 'caseload_trajectories', 'deadlines_due', 'funder_trajectories', 'feed_records', 'access_log', 'retention_trajectories']) {
      expect(before.tables.some((t) => t.endsWith(`.${expected}`))).toBe(true);
    }
    // ...and the people entitled to it read it in clear.
    const exported = await as(COORDINATOR, 'get', `/households/${householdH}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ householdId: householdH, personalData: 'live' });
    expect(exported.body.trajectories.map((t: { id: string }) => t.id).sort()).toEqual([main.id, second.id].sort());
    expect(exported.body.trajectories.find((t: { id: string }) => t.id === main.id).state).toMatchObject({ stage: 'briques', householdId: householdH });
    expect(found(exported.text, H_MARKERS)).toEqual(H_MARKERS);
    expect((await as(AUDITOR, 'get', `/access-log?trajectory=${main.id}`)).body.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ resource: 'household-export', actor: { id: COORDINATOR.id, role: 'coordinator' } })]),
    );
    const figuresBefore = await figures();
    expect(figuresBefore.report).toMatchObject({ conventionId });
    expect(JSON.stringify(figuresBefore.consumption)).toMatch(/\d/);
    const rowsBefore = await rowsOf(streams);
    const keyOfH = (await store.keyStore.findMany([householdH])).get(householdH);
    expect(keyOfH).toBeDefined();
    const keyForms = [keyOfH!.toString('base64'), keyOfH!.toString('hex')];

    expect((await as(COORDINATOR, 'post', `/households/${householdH}/erasure`, { reason: 'household-request' })).status).toBe(403);
    expect((await as(ADMIN, 'post', `/households/${householdH}/erasure`, { reason: 'because Eulalie said so' })).body).toMatchObject({ status: 400, code: 'invalid-input' });
    const snapshots = e2e.app.get<SnapshotCache>(SNAPSHOT_CACHE, { strict: false });
    expect(await snapshots.get(streams[0])).toBeDefined();
    const erased = await as(ADMIN, 'post', `/households/${householdH}/erasure`, { reason: 'household-request' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ householdId: householdH, reason: 'household-request', erasedOn: '2026-06-01', keyDestroyed: true });
    expect(erased.body.trajectoryIds.sort()).toEqual([main.id, second.id].sort());
    expect((await as(ADMIN, 'post', `/households/${householdH}/erasure`, { reason: 'household-request' })).body).toMatchObject({ status: 409, code: 'household-already-erased' });
    // The runner's snapshot cache no longer holds H's trajectories.
    for (const streamId of streams) expect(await snapshots.get(streamId)).toBeUndefined();
    await caughtUp();

    // Nothing in clear in any table, nor the key in any form, nor anything still openable.
    const after = await everyTable();
    expect(found(after.text, H_MARKERS)).toEqual([]);
    expect(found(after.text, keyForms)).toEqual([]);
    const { rows: keyRows } = await db.query(`SELECT wrapped_key, master_key_id, destroyed_reason FROM household_keys WHERE household_id = $1`, [householdH]);
    expect(keyRows).toEqual([{ wrapped_key: null, master_key_id: null, destroyed_reason: 'household-request' }]);
    const { rows: sealedRows } = await db.query<{ id: string; personal: SealedPersonal }>(`SELECT id::text, data->'personal' AS personal FROM events WHERE stream_id = ANY($1::text[]) AND data ? 'personal'`, [streams]);
    expect(sealedRows.length).toBeGreaterThanOrEqual(14);
    const { rows: live } = await db.query<{ household_id: string }>(`SELECT household_id FROM household_keys WHERE destroyed_at IS NULL`);
    const liveKeys = [...(await store.keyStore.findMany(live.map((r) => r.household_id))).values()];
    expect(liveKeys.length).toBe(1);
    for (const { id, personal } of sealedRows) {
      expect(isSealed(personal)).toBe(true);
      for (const key of liveKeys) expect(() => open(personal, key, `${personal.kid}/${id}`)).toThrow();
    }
    // The erasure touched no event: the chain is over what is stored and still verifies.
    expect(await rowsOf(streams)).toEqual(rowsBefore);
    for (const t of [main, second]) {
      const verified = await as(AUDITOR, 'get', `/trajectories/${t.id}/verify`);
      expect(verified.body).toMatchObject({ ok: true });
    }
    // The record of it carries no personal data.
    const [record] = await store.readStream(`household-${householdH}`);
    expect(record).toMatchObject({ type: 'HouseholdErased', metadata: { actor: { id: ADMIN.id, role: 'admin' }, householdId: householdH } });

    // Every read keeps working and shows the erased fields as erased.
    const state = await as(COORDINATOR, 'get', `/trajectories/${main.id}`);
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ stage: 'briques', householdId: householdH });
    const history = await as(COORDINATOR, 'get', `/trajectories/${main.id}/history`);
    expect(history.status).toBe(200);
    const personals = history.body.events.map((e: { data: { personal?: unknown } }) => e.data.personal).filter((p: unknown) => p !== undefined);
    expect(personals.length).toBeGreaterThan(10);
    expect(new Set(personals.map((p: unknown) => JSON.stringify(p)))).toEqual(new Set(['{"$erased":true}']));
    const past = await as(COORDINATOR, 'get', `/trajectories/${main.id}/history?at=2026-03-01T00:00:00Z`);
    expect(past.body.state).toMatchObject({ stage: 'briques' });
    const exportedAfter = await as(AUDITOR, 'get', `/households/${householdH}/export`);
    expect(exportedAfter.body).toMatchObject({ personalData: 'erased', erasure: { reason: 'household-request', erasedOn: '2026-06-01' } });
    expect(found(exportedAfter.text, H_MARKERS)).toEqual([]);
    expect((await as(COORDINATOR, 'get', '/caseload?includeClosed=true')).status).toBe(200);
    expect((await as(COORDINATOR, 'get', '/deadlines')).status).toBe(200);
    const io = capturedIo({});
    const audit = async () => directAuditStore({ store: store.sealedStore, description: 'the app store' });
    const cli = [replayCommand({ openStore: audit, loadCatalogue: async () => e2eCatalogue() }), verifyCommand({ openStore: audit })];
    expect(await runCli(['replay', main.id], cli, io)).toBe(0);
    expect(await runCli(['verify', '--all'], cli, io)).toBe(0);
    expect(found(io.stdout + io.stderr, H_MARKERS)).toEqual([]);

    // The figures funders get are the same, to the byte.
    const figuresAfter = await figures();
    expect(JSON.stringify(figuresAfter)).toEqual(JSON.stringify(figuresBefore));

    // Categorical facts can still be recorded; personal data for H no longer can.
    main.actor = COORDINATOR;
    expect((await main.send('record-note', { occurredAt: '2026-06-01', category: 'note', personal: { text: 'again' } })).body).toMatchObject({ status: 409, code: 'household-erased' });
    await main.run('record-point', { occurredAt: '2026-06-01', briqueCode: '2.1', mode: 'phone' });
    // The other household is untouched.
    expect(found((await as(COORDINATOR, 'get', `/trajectories/${control.id}/history`)).text, [K_NAME])).toEqual([K_NAME]);

    // Nor anything the app logged or printed.
    const logs = [...log.lines(), ...printed].join('\n');
    expect(log.lines().length).toBeGreaterThan(0);
    expect(found(logs, H_MARKERS)).toEqual([]);
    expect(found(logs, keyForms)).toEqual([]);
  });
});
