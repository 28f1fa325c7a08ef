// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import request from 'supertest';
import { TEST_AUTH } from '../../../libs/auth/src/testing/test-tokens';
import { FixedClock } from '../../../libs/domain/src';
import { testDeps } from '../../../workflows/trajectory/src/testing';
import { authHeaders } from '../../../test/e2e/support/auth';
import { ADMIN, COORDINATOR, saisine } from '../../../test/e2e/support/fixtures';
import { createApp } from './app.factory';

/** What main.ts does: with the feed secret, the embedded API projects and serves the funder feeds itself. */
describe('createApp with funder feeds', () => {
  it('projects a saisine into its funders’ feeds and serves them on GET /feeds/{funder}', async () => {
    const { app } = await createApp({
      auth: TEST_AUTH,
      catalogue: testDeps(),
      clock: new FixedClock('2026-06-01T10:00:00Z'),
      feeds: { secret: Buffer.alloc(32, 9) },
      logger: false,
      docs: false,
    });
    try {
      await app.getHttpAdapter().getInstance().ready();
      const http = () => request(app.getHttpAdapter().getInstance().server);
      const convention = await http()
        .post('/conventions')
        .set(await authHeaders(ADMIN))
        .send({ funder: 'departement-x', programme: 'asll-test', year: 2026, prices: { perDiagnosticCents: 15000, perMonthCents: 19000 }, yearlyCapCents: 4000000, funderShares: [{ funder: 'departement-x', share: 0.6 }, { funder: 'caf-x', share: 0.4 }] });
      expect(convention.status).toBe(201);
      const created = await http().post('/trajectories').set(await authHeaders(COORDINATOR)).send(saisine('2026-05-04', { conventionId: convention.body.id }));
      expect(created.status).toBe(201);
      const trajectoryId = String(created.headers.location).split('/').pop() as string;
      expect(trajectoryId).toMatch(/^[0-9a-f-]{36}$/);

      const funder = await authHeaders({ id: 'caf-reader', role: 'funder', scopes: ['funder:caf-x'] });
      const deadline = Date.now() + 30_000;
      let records: { kind: string; conventionId: string; trajectoryPseudonym: string }[] = [];
      while (records.length === 0 && Date.now() < deadline) {
        const page = await http().get('/feeds/caf-x').set(funder);
        expect(page.status).toBe(200);
        records = page.body.records;
        if (records.length === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      expect(records).toEqual([expect.objectContaining({ kind: 'saisine-received', conventionId: convention.body.id })]);
      expect(JSON.stringify(records)).not.toContain(trajectoryId);
      expect(JSON.stringify(records)).not.toContain('Martin');

      const health = await http().get('/health');
      expect(health.body.components.projections.projections.map((p: { name: string }) => p.name)).toContain('funder-feed');
      expect((await http().get('/feeds/departement-x').set(funder)).status).toBe(403);
    } finally {
      await app.close();
    }
  });
});
