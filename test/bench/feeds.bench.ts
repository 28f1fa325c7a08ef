/**
 * Funder feeds: how fast records go from commands to the feed table, and out over HTTP, printed beside
 * raw-pg baselines measured in the same run on the same rows (PostgreSQL from DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test, in throw-away schemas).
 *
 *   npm run bench:feeds      (BENCH_TRAJECTORIES=200 BENCH_CLIENTS=8)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { FeedsModule } from '../../apps/api/src/feeds/feeds.module';
import { loadCatalogue } from '../../apps/api/src/trajectories/load-catalogue';
import { mintToken } from '../../libs/auth/src';
import { systemClock } from '../../libs/domain/src';
import { createEventStore, type SqlDatabase } from '../../libs/event-store/src';
import { InProcessLock } from '../../projections/core/projection.lock';
import { ProjectionRunner } from '../../projections/core/projection.runner';
import { ProjectionSchema } from '../../projections/core/projection.schema';
import { storeMigrator } from '../../projections/core/store.migrator';
import type { SqlExecutor } from '../../projections/core/sql.port';
import { feedProjection } from '../../projections/feeds/feed.projection';
import { TrajectoryPseudonymiser } from '../../projections/feeds/trajectory-pseudonymiser';
import { createConvention } from '../../projections/funder/convention.commands';
import { createBriqueRegistry } from '../../workflows/briques/src';
import { loadProgrammeRegistry } from '../../workflows/programmes/src';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TRAJECTORIES = Number(process.env.BENCH_TRAJECTORIES ?? 200);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const FUNDERS = ['departement-bench', 'caf-bench'];
const CONVENTION = 'conv-bench';
/** Tokens are verified as in production: the guard is part of what a request costs. */
const AUTH_SECRET = randomBytes(32).toString('base64url');
const headers: { coordinator: string; auditor: string } = { coordinator: '', auditor: '' };

interface Step {
  command: string;
  body: Record<string, unknown>;
}

/** Saisine to closing: every kind of feed record, 20 commands, about 15 records per funder. */
function journey(programmeCode: string, brique: string): Step[] {
  const at = (occurredAt: string, body: Record<string, unknown> = {}) => ({ occurredAt, ...body });
  const grid = (rating: string) =>
    ['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'].map((axis) => ({ axis, rating }));
  return [
    {
      command: 'receive-saisine',
      body: at('2025-01-06', {
        programmeCode,
        conventionId: CONVENTION,
        prescriber: { kind: 'landlord', name: 'Bailleur social' },
        motives: ['unpaid-rent'],
        household: { composition: 'single', childrenCount: 1, ageBand: '25-34', referenceGender: 'female', mainResources: 'salary' },
        personal: { household: { lastName: 'Bench', firstName: 'Household', phone: '06 00 00 00 00' } },
      }),
    },
    { command: 'assign-referent', body: at('2025-01-07', { referentId: 'referent-bench' }) },
    { command: 'record-first-contact', body: at('2025-01-10', { mode: 'office' }) },
    { command: 'record-evaluation-grid', body: at('2025-01-20', { ratings: grid('needs-support') }) },
    { command: 'conclude-diagnostic', body: at('2025-01-24', { outcome: 'propose-accompaniment', householdSigned: true }) },
    { command: 'draft-contract', body: at('2025-01-27', { measureType: 'AVDL', briques: [brique], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' }) },
    { command: 'sign-contract', body: at('2025-01-28', { party: 'household' }) },
    { command: 'sign-contract', body: at('2025-01-28', { party: 'referent' }) },
    { command: 'start-brique', body: at('2025-02-03', { code: brique }) },
    { command: 'record-point', body: at('2025-03-03', { briqueCode: brique, mode: 'home-visit', personal: { summary: 'Point.' } }) },
    { command: 'record-point', body: at('2025-04-03', { briqueCode: brique, mode: 'phone', personal: { summary: 'Point.' } }) },
    { command: 'record-bilan', body: at('2025-04-28', { personal: { summary: 'Bilan.' } }) },
    { command: 'suspend', body: at('2025-05-02', { reason: 'unreachable' }) },
    { command: 'resume', body: at('2025-05-20') },
    { command: 'record-point', body: at('2025-06-03', { briqueCode: brique, mode: 'office-meeting', personal: { summary: 'Point.' } }) },
    { command: 'start-evaluation', body: at('2025-07-20') },
    {
      command: 'record-final-evaluation',
      body: at('2025-07-22', { ratings: grid('acquired'), objectives: [], endReason: 'housed', householdSigned: true }),
    },
    { command: 'close', body: at('2025-07-25') },
  ];
}

async function runCommands(baseUrl: string, steps: Step[], trajectories: number): Promise<{ commands: number; errors: number }> {
  let started = 0;
  let commands = 0;
  let errors = 0;
  async function client(): Promise<void> {
    while (started < trajectories) {
      started++;
      let id = '';
      for (const step of steps) {
        const url = step.command === 'receive-saisine' ? `${baseUrl}/trajectories` : `${baseUrl}/trajectories/${id}/commands/${step.command}`;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: headers.coordinator }, body: JSON.stringify(step.body) });
        const body = (await res.json()) as { trajectoryId?: string; code?: string; detail?: string };
        commands++;
        if (res.status >= 300) {
          errors++;
          if (errors <= 3) console.error(`  ${step.command} -> ${res.status} ${body.code}: ${body.detail}`);
          break;
        }
        if (body.trajectoryId) id = body.trajectoryId;
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, () => client()));
  return { commands, errors };
}

async function readAllPages(baseUrl: string, funder: string, limit: number): Promise<number> {
  let cursor = '0';
  let total = 0;
  for (;;) {
    const res = await fetch(`${baseUrl}/feeds/${funder}?after=${cursor}&limit=${limit}`, { headers: { authorization: headers.auditor } });
    const page = (await res.json()) as { records: unknown[]; nextCursor: string };
    if (page.records.length === 0) return total;
    total += page.records.length;
    cursor = page.nextCursor;
  }
}

async function readEventStream(baseUrl: string, funder: string, expected: number): Promise<number> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/feeds/${funder}`, { headers: { accept: 'text/event-stream', authorization: headers.auditor }, signal: abort.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let seen = 0;
  let tail = '';
  while (seen < expected) {
    const { value, done } = await reader.read();
    if (done) break;
    const text = tail + decoder.decode(value, { stream: true });
    const events = text.split('\n\n');
    tail = events.pop() ?? '';
    seen += events.filter((e) => e.includes('event: feed-record')).length;
  }
  abort.abort();
  return seen;
}

async function catchUp(runner: ProjectionRunner): Promise<void> {
  const caught = runner.whenCaughtUp();
  runner.wake();
  await caught;
}

async function count(db: SqlExecutor, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

/** Raw pg: the same rows written as 500-row jsonb batches, one transaction each; then read back in 1000-row pages. */
async function rawBaseline(pool: Pool): Promise<{ insertSeconds: number; readSeconds: number; rows: number }> {
  await pool.query('CREATE SEQUENCE raw_seq');
  await pool.query('CREATE TABLE raw_feed (LIKE feed_records INCLUDING INDEXES)');
  await pool.query(`ALTER TABLE raw_feed ALTER COLUMN sequence SET DEFAULT nextval('raw_seq'), ALTER COLUMN written_at SET DEFAULT now()`);
  const { rows } = await pool.query(
    `SELECT gen_random_uuid() AS record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details, source_event_id
       FROM feed_records ORDER BY sequence`,
  );
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 500) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO raw_feed (record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details, schema_version, source_event_id)
         SELECT record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details, 1, source_event_id
           FROM jsonb_to_recordset($1::jsonb) AS r(record_id uuid, funder_id text, convention_id text, trajectory_pseudonym text, kind text,
                business_date text, profile jsonb, details jsonb, source_event_id text)`,
        [JSON.stringify(rows.slice(i, i + 500))],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  const insertSeconds = (performance.now() - started) / 1000;
  const readStarted = performance.now();
  for (const funder of FUNDERS) {
    let after = 0;
    for (;;) {
      const page = await pool.query(
        'SELECT sequence, record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details FROM raw_feed WHERE funder_id = $1 AND sequence > $2 ORDER BY sequence LIMIT 1000',
        [funder, after],
      );
      if (page.rows.length === 0) break;
      after = Number(page.rows[page.rows.length - 1].sequence);
    }
  }
  return { insertSeconds, readSeconds: (performance.now() - readStarted) / 1000, rows: rows.length };
}

async function main(): Promise<void> {
  headers.coordinator = `Bearer ${await mintToken({ secret: AUTH_SECRET, subject: 'coordinator-bench', role: 'coordinator' })}`;
  headers.auditor = `Bearer ${await mintToken({ secret: AUTH_SECRET, subject: 'auditor-bench', role: 'auditor' })}`;
  const schema = `bench_feeds_${randomBytes(4).toString('hex')}`;
  // The real SQL store in a schema of its own; the feed tables live beside the events, as in production.
  const created = await createEventStore({ databaseUrl: DATABASE_URL, schema, clock: systemClock });
  const store = created.store;
  const db = created.db as SqlDatabase;
  const pool = new Pool({ connectionString: DATABASE_URL, max: 4, options: `-c search_path=${schema}` });

  let catalogue = await loadCatalogue(process.env.PROGRAMMES_DIR);
  // Until the API loads the shipped programme files itself, load them here.
  if (catalogue.programmes.all().length === 0) catalogue = { programmes: loadProgrammeRegistry(), briques: createBriqueRegistry() };
  const monthly = (code: string) => catalogue.briques.get(code)?.cadence === 'monthly';
  const programme = catalogue.programmes.all().find((p) => p.allowedBriques.some(monthly));
  if (!programme) throw new Error('No programme with a monthly brique in the catalogue to run the benchmark with.');
  const brique = programme.allowedBriques.find(monthly) as string;

  const { app } = await createApp({
    store,
    catalogue,
    docs: false,
    logger: ['error'],
    auth: { keys: { kind: 'secret', secret: AUTH_SECRET } },
    modules: [FeedsModule.register({ db, pollMs: 20 })],
  });
  // createApp seals personal data on its way in; the feed reads the store underneath, ciphertext and all.
  const runner = new ProjectionRunner({
    store,
    db,
    schema: new ProjectionSchema(db, storeMigrator),
    lock: new InProcessLock(),
    projection: feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) }),
    batchSize: 1000,
    idleMs: 20,
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpAdapter().getInstance().server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await createConvention(
      store,
      {
        funder: FUNDERS[0],
        programme: programme.code,
        year: 2025,
        prices: { perMonthCents: 19000 },
        yearlyCapCents: 100_000_000,
        funderShares: [
          { funder: FUNDERS[0], share: 0.6 },
          { funder: FUNDERS[1], share: 0.4 },
        ],
      },
      { actor: { id: 'bench', role: 'admin' }, clock: systemClock, id: CONVENTION },
    );
    const warm = runner.whenCaughtUp();
    runner.start();
    await warm;
    console.log(`Feeds: ${TRAJECTORIES} trajectories by ${CLIENTS} clients; store ${created.description}`);

    // 1. Live: commands over HTTP while the feed projection follows; until the last record is in the table.
    const liveStarted = performance.now();
    const written = await runCommands(baseUrl, journey(programme.code, brique), TRAJECTORIES);
    const lastCommand = performance.now();
    await catchUp(runner);
    const lagMs = performance.now() - lastCommand;
    const liveSeconds = (performance.now() - liveStarted) / 1000;
    const records = await count(db, 'feed_records');

    // 2. Catch-up: the same events projected again from scratch (a rebuild).
    await runner.stop();
    await new ProjectionSchema(db, storeMigrator).reset(feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) }));
    const rebuildStarted = performance.now();
    const rebuilt = runner.whenCaughtUp();
    runner.start();
    await rebuilt;
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;

    // 3. Out over HTTP: every funder's feed in pages of 1000, then as one event stream each.
    const pagesStarted = performance.now();
    let paged = 0;
    for (const f of FUNDERS) paged += await readAllPages(baseUrl, f, 1000);
    const pagesSeconds = (performance.now() - pagesStarted) / 1000;
    const perFunder = await Promise.all(FUNDERS.map(async (f) => (await pool.query('SELECT count(*) AS n FROM feed_records WHERE funder_id = $1', [f])).rows[0].n));
    const sseStarted = performance.now();
    let streamed = 0;
    for (const [i, f] of FUNDERS.entries()) streamed += await readEventStream(baseUrl, f, Number(perFunder[i]));
    const sseSeconds = (performance.now() - sseStarted) / 1000;

    // 4. Raw pg on the same rows.
    const raw = await rawBaseline(pool);

    const rate = (n: number, s: number) => (n / s).toFixed(0);
    console.log('');
    console.log('| run | records | seconds | records per second |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| commands over HTTP -> feed table, live (${written.commands} commands) | ${records} | ${liveSeconds.toFixed(2)} | ${rate(records, liveSeconds)} |`);
    console.log(`| events -> feed table, catch-up from position 0 | ${await count(db, 'feed_records')} | ${rebuildSeconds.toFixed(2)} | ${rate(records, rebuildSeconds)} |`);
    console.log(`| raw pg: INSERT the same rows, 500 per transaction | ${raw.rows} | ${raw.insertSeconds.toFixed(2)} | ${rate(raw.rows, raw.insertSeconds)} |`);
    console.log(`| GET /feeds/{funder}, pages of 1000 | ${paged} | ${pagesSeconds.toFixed(2)} | ${rate(paged, pagesSeconds)} |`);
    console.log(`| GET /feeds/{funder} as text/event-stream | ${streamed} | ${sseSeconds.toFixed(2)} | ${rate(streamed, sseSeconds)} |`);
    console.log(`| raw pg: SELECT the same pages of 1000 | ${raw.rows} | ${raw.readSeconds.toFixed(2)} | ${rate(raw.rows, raw.readSeconds)} |`);
    console.log(`\nCommands: ${rate(written.commands, liveSeconds)} per second; the feed table had every record ${lagMs.toFixed(0)} ms after the last command answered.`);
    if (written.errors) console.log(`\n${written.errors} command(s) were refused (see above).`);
  } finally {
    await runner.stop();
    await app.close();
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
