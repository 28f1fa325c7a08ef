import { waitForCheckpoint } from '../../../../../projections/core/projection.host';
import { endOfLog } from '../../../../../projections/core/testing/end-of-log';
import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { TEST_AUTH, testBearer } from '../../../../../libs/auth/src/testing/test-tokens';
import { FixedClock, type Role } from '../../../../../libs/domain/src';
import { createEventStore, type EventStore, type SqlDatabase } from '../../../../../libs/event-store/src';
import { InProcessLock } from '../../../../../projections/core/projection.lock';
import { ProjectionRunner } from '../../../../../projections/core/projection.runner';
import { ProjectionSchema } from '../../../../../projections/core/projection.schema';
import { storeMigrator } from '../../../../../projections/core/store.migrator';
import { FEED_PROJECTION, feedProjection } from '../../../../../projections/feeds/feed.projection';
import type { JourneyPersonalData } from '../../../../../projections/feeds/testing/trajectory-journey';
import { TrajectoryPseudonymiser } from '../../../../../projections/feeds/trajectory-pseudonymiser';
import { createConvention } from '../../../../../projections/funder/convention.commands';
import { testDeps } from '../../../../../workflows/trajectory/src/testing';
import { createApp } from '../../app.factory';
import { FeedsModule } from '../feeds.module';

/**
 * The feeds journey rig: the real SQL event store, the real app (createApp) on it with the feeds
 * module, the feed projection's runner following the store in the background in the same database,
 * and JWTs minted and verified with libs/auth.
 */
export const CONVENTION_ID = 'conv-2026';
export const FUNDERS = ['departement-x', 'caf'] as const;

/** `Bearer <jwt>` minted with the test secret the app is started with (libs/auth testing). */
export function bearer(role: Role, scopes: string[] = [], subject = `${role}-1`): Promise<string> {
  return testBearer({ id: subject, role, scopes });
}

export interface FeedHarness {
  app: NestFastifyApplication;
  /** The store's SQL database, where the feed tables live beside the events. */
  db: SqlDatabase;
  store: EventStore;
  runner: ProjectionRunner;
  http(): TestAgent;
  /** Resolves once the feed projection has applied everything appended so far. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export const DATABASE_URL = process.env.DATABASE_URL;

/** The real SQL event store: PGlite in memory, or PostgreSQL in a schema of its own (dropped on close). */
export async function startFeedHarness(options: { postgres?: boolean; pollMs?: number; heartbeatMs?: number } = {}): Promise<FeedHarness> {
  const clock = new FixedClock('2026-12-31T12:00:00Z');
  const schema = options.postgres && DATABASE_URL ? `feeds_e2e_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const created = await createEventStore(schema ? { databaseUrl: DATABASE_URL, schema, clock } : { dataDir: 'memory://', clock });
  const store = created.store;
  const db = created.db as SqlDatabase;
  await createConvention(
    store,
    {
      funder: FUNDERS[0],
      programme: 'asll-test',
      year: 2026,
      prices: { perDiagnosticCents: 15000, perMonthCents: 19000 },
      yearlyCapCents: 4_000_000,
      funderShares: [
        { funder: FUNDERS[0], share: 0.6 },
        { funder: FUNDERS[1], share: 0.4 },
      ],
    },
    { actor: { id: 'admin-1', role: 'admin' }, clock, id: CONVENTION_ID },
  );
  const runner = new ProjectionRunner({
    store,
    db,
    schema: new ProjectionSchema(db, storeMigrator),
    lock: new InProcessLock(),
    projection: feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(Buffer.alloc(32, 7)) }),
    batchSize: 100,
    idleMs: 10,
  });
  const first = runner.whenCaughtUp();
  runner.start();
  await first;
  const { app } = await createApp({
    store,
    clock,
    catalogue: testDeps(),
    logger: false,
    docs: false,
    auth: TEST_AUTH,
    modules: [FeedsModule.register({ db, pollMs: options.pollMs ?? 20, heartbeatMs: options.heartbeatMs ?? 1000 })],
  });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    store,
    runner,
    http: () => request(app.getHttpAdapter().getInstance().server),
    caughtUp: async () => {
      // "Nothing more visible" is not "everything applied": the SQL store's readers stop short of
      // transactions in flight anywhere in the database (other suites share it), so wait for the log's end.
      await waitForCheckpoint(db, await endOfLog(db), [FEED_PROJECTION], 120_000, () => runner.wake());
    },
    close: async () => {
      await app.close();
      await runner.stop();
      await store.close();
      if (schema) await dropSchema(schema);
    },
  };
}

export interface JourneyResult {
  trajectoryId: string;
  householdId: string;
}

/**
 * One household's accompaniment over HTTP, saisine to closing, carrying the personal data a social
 * worker would type: names, phone, address, notes, a referent's name.
 */
export async function runJourney(h: FeedHarness, p: JourneyPersonalData, options: { short?: boolean } = {}): Promise<JourneyResult> {
  // A coordinator may run every command on every trajectory (apps/api/src/auth/access-policy.ts).
  const auth = await bearer('coordinator', ['service:s1'], `coordinator-${randomUUID().slice(0, 8)}`);
  const created = await h
    .http()
    .post('/trajectories')
    .set('authorization', auth)
    .send({
      occurredAt: '2026-01-05',
      programmeCode: 'asll-test',
      conventionId: CONVENTION_ID,
      prescriber: { kind: 'landlord', name: 'Bailleur Social du Rhône' },
      motives: ['unpaid-rent'],
      household: { composition: 'single-parent', childrenCount: 2, ageBand: '35-44', referenceGender: 'female', mainResources: 'rsa' },
      personal: {
        household: { lastName: p.lastName, firstName: p.firstName, phone: p.phone, address: p.address },
        prescriberContact: { name: p.referent, phone: p.phone },
        comment: p.note,
      },
    });
  if (created.status !== 201) throw new Error(`receive-saisine: ${created.status} ${JSON.stringify(created.body)}`);
  const trajectoryId = created.body.trajectoryId as string;
  const view = await h.http().get(`/trajectories/${trajectoryId}`).set('authorization', auth);
  const householdId = view.body?.householdId as unknown;
  if (typeof householdId !== 'string' || householdId.length < 8) throw new Error(`no household id in ${JSON.stringify(view.body)}`);
  const run = async (command: string, body: Record<string, unknown>): Promise<void> => {
    const r = await h.http().post(`/trajectories/${trajectoryId}/commands/${command}`).set('authorization', auth).send(body);
    if (r.status !== 200) throw new Error(`${command}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await run('assign-referent', { occurredAt: '2026-01-06', referentId: 'ref-1' });
  await run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit', personal: { summary: p.note } });
  await run('record-evaluation-grid', {
    occurredAt: '2026-01-28',
    ratings: [
      { axis: 'pouvoir-louer', rating: 'acquired' },
      { axis: 'savoir-louer', rating: 'needs-support' },
      { axis: 'savoir-habiter', rating: 'in-progress' },
      { axis: 'savoir-s-adapter', rating: 'in-progress' },
      { axis: 'besoin-accompagnement', rating: 'needs-support' },
    ],
    personal: { comments: [{ axis: 'savoir-louer', comment: p.note }] },
  });
  await run('conclude-diagnostic', { occurredAt: '2026-01-30', outcome: 'propose-accompaniment', householdSigned: true, personal: { summary: p.note } });
  if (options.short) return { trajectoryId, householdId };
  await run('draft-contract', {
    occurredAt: '2026-02-02',
    measureType: 'AVDL',
    briques: ['2.1', '2.5'],
    meetingFrequency: 'monthly',
    occupancyStatus: 'sliding-lease',
    objectives: [{ id: 'o1' }],
    personal: { objectives: [{ id: 'o1', text: p.note }], meetingPlace: p.address, landlordContact: p.phone },
  });
  await run('sign-contract', { occurredAt: '2026-02-09', party: 'household' });
  await run('sign-contract', { occurredAt: '2026-02-10', party: 'referent' });
  await run('start-brique', { occurredAt: '2026-02-10', code: '2.1' });
  await run('record-point', { occurredAt: '2026-02-20', briqueCode: '2.1', mode: 'home-visit', personal: { summary: p.note } });
  await run('record-point', { occurredAt: '2026-03-18', briqueCode: '2.1', mode: 'phone', personal: { summary: p.note } });
  await run('record-bilan', { occurredAt: '2026-05-10', personal: { summary: p.note } });
  await run('suspend', { occurredAt: '2026-06-01', reason: 'hospital', personal: { comment: p.note } });
  await run('resume', { occurredAt: '2026-07-01' });
  await run('start-evaluation', { occurredAt: '2026-08-05' });
  await run('record-final-evaluation', {
    occurredAt: '2026-08-07',
    ratings: [
      { axis: 'pouvoir-louer', rating: 'acquired' },
      { axis: 'savoir-louer', rating: 'acquired' },
      { axis: 'savoir-habiter', rating: 'acquired' },
      { axis: 'savoir-s-adapter', rating: 'in-progress' },
      { axis: 'besoin-accompagnement', rating: 'acquired' },
    ],
    objectives: [{ id: 'o1', met: true }],
    endReason: 'housed',
    householdSigned: true,
    personal: { summary: p.note },
  });
  await run('close', { occurredAt: '2026-08-10', personal: { comment: p.note } });
  return { trajectoryId, householdId };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
