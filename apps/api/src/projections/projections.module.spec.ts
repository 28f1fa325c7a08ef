import request from 'supertest';
import { testAuthHeaders, TEST_AUTH } from '../../../../libs/auth/src/testing/test-tokens';
import { FixedClock } from '../../../../libs/domain/src';
import { SqlEventStore } from '../../../../libs/event-store/src';
import { pgliteTestDatabase, type TestDatabase } from '../../../../projections/core/testing/test-database';
import { waitFor } from '../../../../projections/core/testing/wait-for';
import { BUILT_IN_PROJECTION_NAMES } from '../../../../projections/projections.catalogue';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { createApp } from '../app.factory';
import { ProjectionsModule, runProjectionsInApi } from './projections.module';

describe('ProjectionsModule.forStore', () => {
  it('runs the projections inside the API on the embedded store, and not on PostgreSQL unless told to', () => {
    expect(runProjectionsInApi('pglite', {})).toBe(true);
    expect(runProjectionsInApi('postgres', {})).toBe(false);
    expect(runProjectionsInApi('postgres', { RUN_PROJECTIONS_IN_API: 'true' })).toBe(true);
    expect(runProjectionsInApi('pglite', { RUN_PROJECTIONS_IN_API: 'false' })).toBe(false);
  });

  describe('on PGlite', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await pgliteTestDatabase();
    });
    afterAll(() => db.close());

    it('keeps the caseload current with no worker, and stops its runners when the app closes', async () => {
      const clock = new FixedClock('2026-03-02T10:00:00Z');
      const store = await SqlEventStore.open(db, { clock });
      const { app } = await createApp({ store, clock, catalogue: testDeps(), auth: TEST_AUTH, logger: false, docs: false, modules: [ProjectionsModule.forStore({ store, db })] });
      await app.getHttpAdapter().getInstance().ready();
      const http = () => request(app.getHttpAdapter().getInstance().server);
      const secretary = await testAuthHeaders({ id: 'secretary-1', role: 'secretary' });
      const opened = await http()
        .post('/trajectories')
        .set(secretary)
        .send({
          occurredAt: '2026-03-02',
          programmeCode: 'asll-test',
          prescriber: { kind: 'ccas', name: 'CCAS de Lyon' },
          motives: ['access'],
          household: { composition: 'single', childrenCount: 0, ageBand: '25-34', referenceGender: 'male', mainResources: 'salary' },
        });
      expect(opened.status).toBe(201);
      const coordinator = await testAuthHeaders({ id: 'coordinator-1', role: 'coordinator' });
      const listed = await waitFor(async () => {
        const r = await http().get('/caseload').set(coordinator);
        return r.body.total === 1 ? r.body : undefined;
      }, 'the new trajectory in the caseload');
      expect(listed.items[0]).toMatchObject({ trajectoryId: opened.body.trajectoryId, stage: 'saisine', nextDeadline: { kind: 'first-contact', dueOn: '2026-03-17' } });
      const health = await http().get('/health');
      expect(health.body.components.projections).toMatchObject({ ok: true, runsHere: true });
      await app.close();
      // Stopped before the store closed: the checkpoint table is quiet and still readable.
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM projection_checkpoints');
      expect(Number(rows[0].n)).toBe(BUILT_IN_PROJECTION_NAMES.length);
      await store.close();
    });
  });
});
