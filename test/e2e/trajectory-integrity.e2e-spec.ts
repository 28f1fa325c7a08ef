import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { FixedClock } from '../../libs/domain/src';
import { SqlEventStore } from '../../libs/event-store/src';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../../projections/core/testing/test-database';
import { authHeaders, TEST_AUTH } from './support/auth';
import type { E2eApp } from './support/e2e-app';
import { COORDINATOR, e2eCatalogue, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { TrajectoryClient } from './support/trajectory-client';

const KINDS = DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

/** Issue 15 §4: a stream whose hash chain is broken is flagged where it is read (GET and history). */
describe.each(KINDS)('integrity status on the trajectory reads (%s)', (kind) => {
  let db: TestDatabase;
  let e2e: E2eApp;

  beforeAll(async () => {
    db = kind === 'postgres' ? await postgresTestDatabase('integrity') : await pgliteTestDatabase();
    const clock = new FixedClock('2026-01-01T09:00:00Z');
    const store = await SqlEventStore.open(db, { clock });
    const { app } = await createApp({ store, clock, catalogue: e2eCatalogue(), auth: TEST_AUTH, logger: false, docs: false });
    await app.getHttpAdapter().getInstance().ready();
    e2e = { kind, app, clock, store, http: () => request(app.getHttpAdapter().getInstance().server), close: () => app.close() };
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
    await db?.close();
  });

  async function journey(): Promise<TrajectoryClient> {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-01-05'), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'phone' });
    await t.run('record-note', { occurredAt: '2026-01-13', category: 'contact-attempt', personal: { text: 'Rappeler lundi.' } });
    return t;
  }

  const tamper = (t: TrajectoryClient, version: number, sql: string) =>
    db.query(`UPDATE events SET ${sql} WHERE stream_id = $1 AND version = $2`, [`trajectory-${t.id}`, version]);

  it('says ok on an intact stream, on GET and on the history', async () => {
    const t = await journey();
    const state = await t.state();
    expect(state.status).toBe(200);
    expect(state.body.integrity).toEqual({ status: 'ok', eventsChecked: 4 });
    const history = await t.history();
    expect(history.body.integrity).toEqual({ status: 'ok', eventsChecked: 4 });
    expect((await t.history(history.body.events[2].recordedAt)).body).toMatchObject({ integrity: { status: 'ok' }, state: { integrity: { status: 'ok' } } });
  });

  it('names the first broken event when a row was changed with SQL, although the runner had the trajectory cached', async () => {
    const t = await journey();
    const before = await t.history();
    const third = before.body.events[2];
    const headers = { ...(await authHeaders(REFERENT)), 'if-none-match': `"${t.version}"` };
    expect((await e2e.http().get(`/trajectories/${t.id}`).set(headers)).status).toBe(304);

    await tamper(t, 3, `data = jsonb_set(data, '{mode}', '"home-visit"')`);
    const broken = { status: 'broken', eventsChecked: 3, firstBroken: { version: 3, id: third.id, reason: 'hash-mismatch' } };

    const state = await t.state();
    expect(state.status).toBe(200);
    expect(state.body.integrity).toEqual(broken);
    expect(state.body.version).toBe(4);
    // Same version, but the answer changed: never a 304 for a broken stream.
    const revalidated = await e2e.http().get(`/trajectories/${t.id}`).set(headers);
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.integrity).toEqual(broken);

    const history = await t.history();
    expect(history.body.integrity).toEqual(broken);
    // What is stored now is what the history shows; the chain says it is not what was recorded.
    expect(history.body.events[2]).toMatchObject({ id: third.id, data: { mode: 'home-visit' } });
    // Before the altered event's time the state folds from intact events, but the stream is still broken.
    const earlier = await t.history(before.body.events[1].recordedAt);
    expect(earlier.body.events).toHaveLength(2);
    expect(earlier.body.integrity).toEqual(broken);
    expect(earlier.body.state.integrity).toEqual(broken);
  });

  it('shows the break rather than failing when the altered row is an encrypted envelope', async () => {
    const t = await journey();
    await tamper(t, 4, `data = jsonb_set(data, '{personal,ct}', to_jsonb(md5(data::text)))`);
    const state = await t.state();
    expect(state.status).toBe(200);
    expect(state.body.integrity).toMatchObject({ status: 'broken', firstBroken: { version: 4, reason: 'hash-mismatch' } });
    const history = await t.history();
    expect(history.status).toBe(200);
    expect(history.body.events[3].data.personal).toEqual({ $altered: true });
  });

  it('reports a removed row as out of sequence', async () => {
    const t = await journey();
    await db.query(`DELETE FROM events WHERE stream_id = $1 AND version = 2`, [`trajectory-${t.id}`]);
    const history = await t.history();
    expect(history.body.integrity).toMatchObject({ status: 'broken', eventsChecked: 2, firstBroken: { version: 3, reason: 'out-of-sequence' } });
  });
});
