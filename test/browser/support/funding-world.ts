import { randomBytes } from 'node:crypto';
import { createApp } from '../../../apps/api/src/app.factory';
import { PROJECTIONS_DATABASE } from '../../../apps/api/src/projections/projections.tokens';
import { FixedClock } from '../../../libs/domain/src';
import { testAuthHeaders, TEST_AUTH, type TestCaller } from '../../../libs/auth/src/testing/test-tokens';
import type { ProjectionDatabase } from '../../../projections/core/sql.port';
import { COORDINATOR, e2eCatalogue, GRID, REFERENT, saisine, SECRETARY } from '../../e2e/support/fixtures';
import type { BrowserApp } from './browser-app';

export const ADMIN = { id: 'admin-1', role: 'admin' };

export interface FundingWorld extends BrowserApp {
  clock: FixedClock;
  /** The store's own SQL database (embedded PGlite): where an auditor's test alters an event behind the store. */
  db: ProjectionDatabase;
  call<T = unknown>(caller: TestCaller, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Moves the clock to the business date (late morning in Paris), always forwards, so recordedAt reads true. */
  at(date: string): void;
  /** Until every projection has read the whole log (/health lag 0), polled with a deadline. */
  caughtUp(): Promise<void>;
}

/**
 * The real API with the funder feeds, on an embedded in-memory PGlite, on a clock the test moves:
 * each command is recorded at its business date, so the history has instants to go back to.
 */
export async function startFundingWorld(webDir: string, start = '2026-01-02T09:00:00Z'): Promise<FundingWorld> {
  const clock = new FixedClock(start);
  const { app } = await createApp({ catalogue: e2eCatalogue(), auth: TEST_AUTH, logger: ['error'], webDir, clock, feeds: { secret: randomBytes(32) } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpAdapter().getInstance().server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const call = async <T>(caller: TestCaller, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(await testAuthHeaders(caller)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const at = (date: string) => clock.set(new Date(Math.max(Date.parse(`${date}T10:00:00Z`), clock.now().getTime() + 1000)));
  const caughtUp = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const health = await call<{ components: { projections: { projections: { lag: number }[] } } }>(ADMIN, 'GET', '/health');
      if (health.body.components.projections.projections.every((p) => p.lag === 0)) return;
      if (Date.now() > deadline) throw new Error(`projections not caught up: ${JSON.stringify(health.body.components.projections)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { app, baseUrl, clock, db: app.get<ProjectionDatabase>(PROJECTIONS_DATABASE, { strict: false }), call, at, caughtUp, close: () => app.close() };
}

export interface FundingFixtures {
  conventionA: string;
  conventionB: string;
  /** In briques since February 2026, under A. */
  accompanied: string;
  /** The record-first-contact event of `accompanied` (version 3). */
  firstContactVersion: number;
}

/** Two conventions under one programme and year (A: departement-x 60 % with caf-x; B: action-logement), and their households. */
export async function seedFunding(world: FundingWorld): Promise<FundingFixtures> {
  const { call, at } = world;
  const convention = async (body: Record<string, unknown>) => {
    const res = await call<{ id: string }>(ADMIN, 'POST', '/conventions', body);
    if (res.status !== 201) throw new Error(`convention: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const conventionA = await convention({
    funder: 'departement-x',
    programme: 'asll-test',
    year: 2026,
    prices: { perDiagnosticCents: 15000, perMonthCents: 19000 },
    yearlyCapCents: 150000,
    funderShares: [
      { funder: 'departement-x', share: 0.6 },
      { funder: 'caf-x', share: 0.4 },
    ],
    plannedVolumes: { diagnostics: 10, measures: 6, monthMeasures: 40 },
  });
  const conventionB = await convention({ funder: 'action-logement', programme: 'asll-test', year: 2026, prices: { perDiagnosticCents: 20000 }, yearlyCapCents: 1000000 });

  const open = async (date: string, conventionId: string) => {
    at(date);
    const res = await call<{ trajectoryId: string }>(SECRETARY, 'POST', '/trajectories', saisine(date, { conventionId }));
    if (res.status !== 201) throw new Error(`saisine: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.trajectoryId;
  };
  const run = async (id: string, command: string, body: Record<string, unknown>, actor: TestCaller = REFERENT) => {
    at(String(body.occurredAt));
    const res = await call(actor, 'POST', `/trajectories/${id}/commands/${command}`, body);
    if (res.status !== 200) throw new Error(`${command}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  // In the order things happened: the clock only moves forwards, so each event is recorded on its business date.
  const accompanied = await open('2026-01-05', conventionA);
  await run(accompanied, 'assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, COORDINATOR);
  const autonomous = await open('2026-01-10', conventionA);
  await run(autonomous, 'assign-referent', { occurredAt: '2026-01-10', referentId: REFERENT.id }, COORDINATOR);
  await run(accompanied, 'record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit' });
  await run(autonomous, 'record-first-contact', { occurredAt: '2026-01-15', mode: 'office' });
  await run(autonomous, 'record-evaluation-grid', { occurredAt: '2026-01-20', ratings: GRID });
  await run(autonomous, 'conclude-diagnostic', { occurredAt: '2026-01-22', outcome: 'autonomous', householdSigned: true });
  await run(accompanied, 'record-evaluation-grid', { occurredAt: '2026-01-27', ratings: GRID });
  const other = await open('2026-02-01', conventionB);
  await run(other, 'assign-referent', { occurredAt: '2026-02-02', referentId: REFERENT.id }, COORDINATOR);
  await run(accompanied, 'conclude-diagnostic', { occurredAt: '2026-02-03', outcome: 'propose-accompaniment', householdSigned: true });
  await run(accompanied, 'draft-contract', { occurredAt: '2026-02-10', measureType: 'ASLL', briques: ['2.1'], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' });
  await run(accompanied, 'sign-contract', { occurredAt: '2026-02-16', party: 'household' });
  await run(accompanied, 'sign-contract', { occurredAt: '2026-02-17', party: 'referent' });
  await run(accompanied, 'start-brique', { occurredAt: '2026-02-20', code: '2.1' });
  const waiting = await open('2026-03-02', conventionA);
  await run(waiting, 'assign-referent', { occurredAt: '2026-03-02', referentId: REFERENT.id }, COORDINATOR);
  for (const month of ['03', '04', '05']) {
    await run(accompanied, 'record-point', { occurredAt: `2026-${month}-10`, briqueCode: '2.1', mode: 'home-visit', personal: { summary: 'Point mensuel au domicile.' } });
  }
  // Recorded in May about 8 January: the history as of 10 January has it, the history at an instant of January does not.
  await run(accompanied, 'record-note', { occurredAt: '2026-01-08', category: 'contact-attempt', personal: { text: 'Appel au ménage, pas de réponse.' } });
  at('2026-05-20');
  await world.caughtUp();
  return { conventionA, conventionB, accompanied, firstContactVersion: 3 };
}
