jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { PGlite } from '@electric-sql/pglite';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { SqlAccessLog } from '../../apps/api/src/audit/sql-access-log.repository';
import { FixedClock } from '../../libs/domain/src';
import { PgliteSqlDatabase } from '../../libs/event-store/src/sql/pglite-sql-database';
import { SqlEventStore } from '../../libs/event-store/src/sql-store/sql-event-store.adapter';
import { authHeaders, TEST_AUTH } from './support/auth';
import type { E2eApp } from './support/e2e-app';
import { AUDITOR, COORDINATOR, e2eCatalogue, REFERENT, saisine, SECRETARY } from './support/fixtures';
import { TrajectoryClient } from './support/trajectory-client';

/** The auditors' HTTP tools on the real SQL store (PGlite): a row altered with SQL is found, reads are logged in the table. */
describe('verify and access log on the SQL store', () => {
  let pglite: PGlite;
  let db: PgliteSqlDatabase;
  let e2e: E2eApp;

  beforeAll(async () => {
    pglite = await PGlite.create();
    db = await PgliteSqlDatabase.create({ pglite, schema: 'audit_e2e' });
    const clock = new FixedClock('2026-01-01T09:00:00Z');
    const store = await SqlEventStore.open(db, { clock });
    const { app } = await createApp({ store, clock, catalogue: e2eCatalogue(), auth: TEST_AUTH, accessLog: await SqlAccessLog.open(db), logger: false, docs: false });
    await app.getHttpAdapter().getInstance().ready();
    e2e = { kind: 'pglite', app, clock, store, http: () => request(app.getHttpAdapter().getInstance().server), close: () => app.close() };
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
    await pglite?.close();
  });

  it('names the first altered event of a trajectory whose row was changed behind the store', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-01-05'), SECRETARY);
    await t.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'phone' });
    await t.run('record-note', { occurredAt: '2026-01-13', category: 'contact-attempt', personal: { text: 'Rappeler lundi.' } });

    const verify = async () => e2e.http().get(`/trajectories/${t.id}/verify`).set(await authHeaders(AUDITOR));
    expect((await verify()).body).toEqual({ trajectoryId: t.id, ok: true, eventsChecked: 4 });

    await db.query(`UPDATE events SET data = jsonb_set(data, '{mode}', '"home-visit"') WHERE stream_id = $1 AND version = 3`, [`trajectory-${t.id}`]);
    const broken = await verify();
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ trajectoryId: t.id, ok: false, eventsChecked: 3, firstBroken: { version: 3, id: expect.any(String) } });
    expect(broken.body.firstBroken.storedHash).not.toBe(broken.body.firstBroken.expectedHash);
    const byCoordinator = await e2e.http().get(`/trajectories/${t.id}/verify`).set(await authHeaders(COORDINATOR));
    expect(byCoordinator.body.ok).toBe(false);
  });

  it('writes the reads of personal data into the access_log table', async () => {
    const t = new TrajectoryClient(e2e, COORDINATOR);
    await t.open(saisine('2026-02-02'), SECRETARY);
    e2e.clock.set(new Date('2026-02-03T08:30:00Z'));
    expect((await t.history()).status).toBe(200);
    const { rows } = await db.query<{ actor_id: string; actor_role: string; resource: string; trajectory_id: string }>(
      'SELECT actor_id, actor_role, resource, trajectory_id::text AS trajectory_id FROM access_log WHERE trajectory_id = $1',
      [t.id],
    );
    expect(rows).toEqual([{ actor_id: COORDINATOR.id, actor_role: 'coordinator', resource: 'history', trajectory_id: t.id }]);
    const log = await e2e.http().get('/access-log').query({ trajectory: t.id }).set(await authHeaders(AUDITOR));
    expect(log.body.entries).toEqual([expect.objectContaining({ at: '2026-02-03T08:30:00.000Z', actor: { id: COORDINATOR.id, role: 'coordinator' }, resource: 'history' })]);
    // Days are Paris days: 2026-02-03T08:30Z is on the 3rd, and the filters compare in SQL.
    const onDay = await e2e.http().get('/access-log').query({ trajectory: t.id, from: '2026-02-03', to: '2026-02-03' }).set(await authHeaders(AUDITOR));
    expect(onDay.body.entries).toHaveLength(1);
    const dayBefore = await e2e.http().get('/access-log').query({ trajectory: t.id, to: '2026-02-02' }).set(await authHeaders(AUDITOR));
    expect(dayBefore.body.entries).toEqual([]);
    const dayAfter = await e2e.http().get('/access-log').query({ trajectory: t.id, from: '2026-02-04' }).set(await authHeaders(AUDITOR));
    expect(dayAfter.body.entries).toEqual([]);
  });
});
