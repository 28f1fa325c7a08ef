// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { createApp } from '../../apps/api/src/app.factory';
import { runCli } from '../../apps/cli/src/cli';
import { demoCommand } from '../../apps/cli/src/commands/demo.command';
import { capturedIo } from '../../apps/cli/src/testing/captured-io';
import { TEST_AUTH, TEST_AUTH_SECRET, testAuthHeaders } from '../../libs/auth/src/testing/test-tokens';
import { COORDINATOR } from './support/fixtures';

describe('npm run cli -- demo', () => {
  let app: Awaited<ReturnType<typeof createApp>>['app'];
  let base: string;

  beforeAll(async () => {
    ({ app } = await createApp({ auth: TEST_AUTH, logger: ['error'], webDir: false }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpAdapter().getInstance().server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);
  afterAll(() => app?.close());

  it('fills an empty service with households at every stage, some overdue, and prints a sign-in link per person', async () => {
    const io = capturedIo({ AUTH_SECRET: TEST_AUTH_SECRET });
    expect(await runCli(['demo', '--url', base], [demoCommand()], io)).toBe(0);
    expect(io.stdout).toMatch(/Demo service created: 3\d households, 2 conventions/);
    for (const who of ['coordination', 'référent·e ref-amel', 'secrétariat', 'financeur']) expect(io.stdout).toMatch(new RegExp(`${who}: ${base}/connexion#token=\\S+`));

    const headers = await testAuthHeaders(COORDINATOR);
    const caseload = (await (await fetch(`${base}/caseload?includeClosed=true&limit=1`, { headers })).json()) as { total: number; counts: { byStage: Record<string, number> } };
    expect(caseload.total).toBeGreaterThanOrEqual(30);
    for (const stage of ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed']) expect(caseload.counts.byStage[stage]).toBeGreaterThan(0);
    const overdue = (await (await fetch(`${base}/deadlines?status=overdue&limit=1`, { headers })).json()) as { total: number };
    expect(overdue.total).toBeGreaterThan(0);
  }, 300_000);

  it('refuses a store that is not empty, and says why', async () => {
    const io = capturedIo({ AUTH_SECRET: TEST_AUTH_SECRET });
    expect(await runCli(['demo', '--url', base], [demoCommand()], io)).toBe(1);
    expect(io.stderr).toMatch(/already holds \d+ trajectories/);
  });

  it('says so when no API answers', async () => {
    const io = capturedIo({ AUTH_SECRET: TEST_AUTH_SECRET });
    expect(await runCli(['demo', '--url', 'http://127.0.0.1:9'], [demoCommand()], io)).toBe(1);
    expect(io.stderr).toMatch(/no API answers at http:\/\/127\.0\.0\.1:9/);
  });
});
