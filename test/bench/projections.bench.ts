/**
 * Projections on PostgreSQL: rebuild rate over the whole store and p50/p99 of the coordinators'
 * queries with 10,000 open trajectories, beside raw-pg baselines measured in the same run
 * (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, in a throw-away schema).
 *
 * Then /deadlines at scale: BENCH_DEADLINE_TRAJECTORIES (100,000) trajectories' deadline rows, of
 * which BENCH_OVERDUE (20,000) overdue, written straight into the projection's tables (through its
 * migrations and triggers), and the same queries timed, beside the count it used to run.
 *
 *   npm run bench:projections      (BENCH_OPEN=10000 BENCH_MIN_EVENTS=100000 BENCH_QUERIES=300)
 *   BENCH_PART=deadlines npm run bench:projections   (only the deadlines at scale)
 *   BENCH_PART=funder BENCH_FUNDER_TRAJECTORIES=100000 npm run bench:projections
 *     (issue 17 §5: that many trajectories in ONE convention; consumption, dashboard and report
 *     p50/p99, JSON and CSV, the heap and RSS growth while they are served, and the caseload query
 *     alone and while a consumption is read in a loop, in the same process and run)
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { FixedClock } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src/event-store.port';
import { queryCaseload } from '../../projections/caseload/caseload.queries';
import { PgAdvisoryLock } from '../../projections/core/pg-advisory.lock';
import { rebuildProjection } from '../../projections/core/projection.rebuilder';
import { ProjectionSchema } from '../../projections/core/projection.schema';
import { mulberry32, syntheticTrajectory } from '../../projections/core/synthetic-trajectories';
import { deadlinesProjection } from '../../projections/deadlines/deadlines.projection';
import { queryDeadlines } from '../../projections/deadlines/deadlines.queries';
import { DEADLINES_COUNTS_TABLE, DEADLINES_TABLE } from '../../projections/deadlines/deadlines.tables';
import { builtInProjections } from '../../projections/projections.catalogue';
import { createConvention } from '../../projections/funder/convention.commands';
import { consumptionCsv, dashboardCsv, reportCsv } from '../../projections/funder/funder.csv';
import { FUNDER_PROJECTION } from '../../projections/funder/funder.projection';
import { conventionConsumption, conventionDashboard, conventionReport } from '../../projections/funder/funder.queries';
import { openBenchStore } from './projections-bench.store';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OPEN = Number(process.env.BENCH_OPEN ?? 10_000);
const MIN_EVENTS = Number(process.env.BENCH_MIN_EVENTS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const APPEND_CONCURRENCY = 8;
const DEADLINE_TRAJECTORIES = Number(process.env.BENCH_DEADLINE_TRAJECTORIES ?? 100_000);
const OVERDUE = Number(process.env.BENCH_OVERDUE ?? 20_000);
const PART = process.env.BENCH_PART ?? 'all';
const FUNDER_TRAJECTORIES = Number(process.env.BENCH_FUNDER_TRAJECTORIES ?? 100_000);
const FUNDER_QUERIES = Number(process.env.BENCH_FUNDER_QUERIES ?? 50);

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeQueries(label: string, n: number, run: () => Promise<unknown>): Promise<{ label: string; p50: number; p99: number; max: number }> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] };
}

/** Appends synthetic trajectories until there are enough events and enough open trajectories. */
async function load(store: Pick<EventStore, 'append'>): Promise<{ events: number; trajectories: number; open: number; rows: unknown[] }> {
  const rnd = mulberry32(20261123);
  let events = 0;
  let trajectories = 0;
  let open = 0;
  const rows: unknown[] = [];
  const queue: Promise<void>[] = [];
  while (events < MIN_EVENTS || open < OPEN) {
    const j = syntheticTrajectory(rnd, { openShare: open < OPEN ? 0.8 : 0, until: '2026-06-30' });
    const closed = j.events.some((e) => ['TrajectoryClosed', 'RelaisConfirmed', 'DiagnosticConcluded'].includes(e.type) && (e.type !== 'DiagnosticConcluded' || (e.data as { outcome: string }).outcome === 'autonomous'));
    if (!closed) open++;
    trajectories++;
    events += j.events.length;
    for (const e of j.events) rows.push({ id: e.id, stream_id: j.streamId, type: e.type, data: e.data, metadata: e.metadata });
    queue.push(store.append(j.streamId, j.events, { expectedVersion: 'no-stream' }).then(() => undefined));
    if (queue.length >= APPEND_CONCURRENCY) await Promise.all(queue.splice(0));
  }
  await Promise.all(queue);
  return { events, trajectories, open, rows };
}

/** The floor a rebuild cannot beat: inserting the same number of rows (the events themselves) with raw pg, 2000 per statement. */
async function rawInsertRate(pool: Pool, schema: string, rows: unknown[]): Promise<number> {
  await pool.query(`CREATE TABLE ${schema}.raw_rows (id uuid PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
  const t = performance.now();
  for (let i = 0; i < rows.length; i += 2000) {
    await pool.query(
      `INSERT INTO ${schema}.raw_rows SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, stream_id text, type text, data jsonb, metadata jsonb)`,
      [JSON.stringify(rows.slice(i, i + 2000))],
    );
  }
  return (rows.length * 1000) / (performance.now() - t);
}

/** What a rebuild cannot go faster than on the read side: one pass over $all with nothing applied. */
async function readAllRate(store: Pick<EventStore, 'readAll'>): Promise<number> {
  const t = performance.now();
  let n = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await store.readAll({ after, limit: 2000 });
    if (batch.length === 0) break;
    n += batch.length;
    after = batch[batch.length - 1].checkpoint;
  }
  return (n * 1000) / (performance.now() - t);
}

/**
 * Two deadlines per trajectory (a point and a bilan) for DEADLINE_TRAJECTORIES trajectories, OVERDUE
 * of them before `today`, spread over the past year; 200 referents, 3 programmes, 20 conventions.
 */
async function deadlinesAtScale(url: string, today: string): Promise<void> {
  const schema = `bench_deadlines_${randomBytes(4).toString('hex')}`;
  const opened = await openBenchStore(url, schema);
  const { db } = opened;
  const admin = new Pool({ connectionString: url, max: 1 });
  try {
    await new ProjectionSchema(db, opened.migrator).ensure(deadlinesProjection());
    const t = performance.now();
    await db.query(
      `INSERT INTO ${DEADLINES_TABLE} (trajectory_id, kind, brique_code, owner_id, due_on, stage, programme_code, convention_id)
       SELECT 'trajectory-' || i, k.kind, CASE WHEN k.kind = 'point' THEN '2.1' ELSE '' END, 'referent-' || (i % 200),
              CASE WHEN (i - 1) * 2 + k.o < $2 THEN $1::date - 1 - ((i * 7 + k.o) % 365) ELSE $1::date + ((i * 7 + k.o) % 365) END,
              'briques', 'programme-' || (i % 3), 'convention-' || (i % 20)
         FROM generate_series(1, $3::int) AS i CROSS JOIN (VALUES ('point', 0), ('bilan', 1)) AS k(kind, o)`,
      [today, OVERDUE, DEADLINE_TRAJECTORIES],
    );
    await db.query(`ANALYZE ${DEADLINES_TABLE}`);
    await db.query(`ANALYZE ${DEADLINES_COUNTS_TABLE}`);
    const { rows } = await db.query<{ overdue: string; total: string }>(
      `SELECT count(*) FILTER (WHERE due_on < $1::date) AS overdue, count(*) AS total FROM ${DEADLINES_TABLE}`,
      [today],
    );
    process.stdout.write(
      `\n/deadlines at scale: ${fmt.format(DEADLINE_TRAJECTORIES)} trajectories, ${fmt.format(Number(rows[0].total))} deadline rows, ${fmt.format(Number(rows[0].overdue))} overdue (written in ${fmt.format((performance.now() - t) / 1000)} s, ANALYZE, no VACUUM)\n`,
    );
    const clock = new FixedClock(`${today}T10:00:00Z`);
    const timings = [
      await timeQueries('deadlines overdue, first page of 50 + total', QUERIES, () => queryDeadlines(db, clock, { status: 'overdue' })),
      await timeQueries('deadlines, first page of 50 + total', QUERIES, () => queryDeadlines(db, clock, {})),
      await timeQueries('deadlines overdue bilans, page 10 + total', QUERIES, () => queryDeadlines(db, clock, { status: 'overdue', kind: 'bilan', offset: 450 })),
      await timeQueries('deadlines overdue of one referent', QUERIES, () => queryDeadlines(db, clock, { status: 'overdue', referent: 'referent-7' })),
      await timeQueries('before: count(*) of the overdue rows', QUERIES, () => db.query(`SELECT count(*) FROM ${DEADLINES_TABLE} d WHERE d.due_on < $1::date`, [today])),
      await timeQueries('baseline: raw pg SELECT 1', QUERIES, () => admin.query('SELECT 1')),
    ];
    process.stdout.write(`queries (${QUERIES} runs each, ms; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')})\n`);
    for (const q of timings) process.stdout.write(`  ${q.label.padEnd(44)} p50 ${q.p50.toFixed(2).padStart(6)}  p99 ${q.p99.toFixed(2).padStart(6)}  max ${q.max.toFixed(2).padStart(6)}\n`);
  } finally {
    await opened.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

const MiB = 1024 * 1024;

/**
 * issue 17 §5: FUNDER_TRAJECTORIES synthetic trajectories all paid by one convention, appended
 * through the store and projected by a rebuild of the funder and caseload projections; then the
 * funder's three reads timed (as the API's controllers call them, without HTTP), the process's
 * memory sampled while they run, and the caseload query timed alone and while a consumption is
 * read in a loop beside it.
 */
async function funderAtScale(url: string): Promise<void> {
  const schema = `bench_funder_${randomBytes(4).toString('hex')}`;
  const opened = await openBenchStore(url, schema);
  const { store, db } = opened;
  const admin = new Pool({ connectionString: url, max: 1 });
  try {
    const clock = new FixedClock('2026-07-01T10:00:00Z');
    const { convention } = await createConvention(
      store,
      { code: 'bench-2026', funder: 'departement-x', programme: 'asll-test', year: 2026, prices: { perDiagnosticCents: 15000, perMonthCents: 19000, perMeasure: [{ code: 'standard', priceCents: 50000 }] }, yearlyCapCents: 400000000 },
      { actor: { id: 'bench', role: 'admin' }, clock },
    );
    const rnd = mulberry32(20261201);
    let t = performance.now();
    let events = 0;
    const queue: Promise<void>[] = [];
    for (let i = 0; i < FUNDER_TRAJECTORIES; i++) {
      const j = syntheticTrajectory(rnd, { conventionId: convention.id, openShare: 0.5, until: '2026-06-30' });
      events += j.events.length;
      queue.push(store.append(j.streamId, j.events, { expectedVersion: 'no-stream' }).then(() => undefined));
      if (queue.length >= APPEND_CONCURRENCY) await Promise.all(queue.splice(0));
    }
    await Promise.all(queue);
    process.stdout.write(`\nfunder at scale: ${fmt.format(FUNDER_TRAJECTORIES)} trajectories in one convention, ${fmt.format(events)} events appended in ${fmt.format((performance.now() - t) / 1000)} s\n`);
    const lock = new PgAdvisoryLock({ connectionString: url, namespace: schema });
    const projectionSchema = new ProjectionSchema(db, opened.migrator);
    t = performance.now();
    for (const projection of builtInProjections().filter((p) => p.name === FUNDER_PROJECTION || p.name === 'caseload')) {
      await rebuildProjection({ store, db, schema: projectionSchema, lock, projection, batchSize: 2000 });
    }
    process.stdout.write(`funder and caseload projections rebuilt in ${fmt.format((performance.now() - t) / 1000)} s\n`);

    const heapBefore = process.memoryUsage();
    let peakHeap = heapBefore.heapUsed;
    let peakRss = heapBefore.rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 5);
    const id = convention.id;
    const timings = [
      await timeQueries('consumption (JSON)', FUNDER_QUERIES, () => conventionConsumption(db, clock, id, 2026)),
      await timeQueries('consumption (CSV)', FUNDER_QUERIES, async () => consumptionCsv(await conventionConsumption(db, clock, id, 2026))),
      await timeQueries('dashboard 2026-03 (JSON)', FUNDER_QUERIES, () => conventionDashboard(db, clock, id, '2026-03')),
      await timeQueries('dashboard 2026-03 (CSV)', FUNDER_QUERIES, async () => dashboardCsv(await conventionDashboard(db, clock, id, '2026-03'))),
      await timeQueries('report 2026 (JSON)', FUNDER_QUERIES, () => conventionReport(db, clock, id, 2026)),
      await timeQueries('report 2026 (CSV)', FUNDER_QUERIES, async () => reportCsv(await conventionReport(db, clock, id, 2026))),
    ];
    const caseloadAlone = await timeQueries('caseload, first page of 50 + counts, alone', QUERIES, () => queryCaseload(db, clock, {}));
    let reading = true;
    const reader = (async () => {
      while (reading) await conventionConsumption(db, clock, id, 2026);
    })();
    const caseloadBeside = await timeQueries('caseload, same, while consumption is read in a loop', QUERIES, () => queryCaseload(db, clock, {}));
    reading = false;
    await reader;
    clearInterval(sampler);
    const baseline = await timeQueries('baseline: raw pg SELECT 1', QUERIES, () => admin.query('SELECT 1'));
    process.stdout.write(`funder reads with ${fmt.format(FUNDER_TRAJECTORIES)} trajectories in one convention (${FUNDER_QUERIES} runs each, caseload ${QUERIES}; ms; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')})\n`);
    for (const q of [...timings, caseloadAlone, caseloadBeside, baseline]) {
      process.stdout.write(`  ${q.label.padEnd(52)} p50 ${q.p50.toFixed(2).padStart(8)}  p99 ${q.p99.toFixed(2).padStart(8)}  max ${q.max.toFixed(2).padStart(8)}\n`);
    }
    process.stdout.write(
      `  memory while serving them: heap ${fmt.format(heapBefore.heapUsed / MiB)} -> peak ${fmt.format(peakHeap / MiB)} MiB (+${fmt.format((peakHeap - heapBefore.heapUsed) / MiB)}), RSS ${fmt.format(heapBefore.rss / MiB)} -> peak ${fmt.format(peakRss / MiB)} MiB (+${fmt.format((peakRss - heapBefore.rss) / MiB)})\n`,
    );
    process.stdout.write('  targets (issue 17 §5): funder reads p99 < 50 ms, memory growth < 100 MiB, caseload p99 unchanged beside them\n');
  } finally {
    await opened.close();
    if (process.env.BENCH_KEEP_SCHEMA) process.stdout.write(`kept schema ${schema}\n`);
    else await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

async function main(): Promise<void> {
  if (PART === 'deadlines') return deadlinesAtScale(DATABASE_URL, '2026-07-01');
  if (PART === 'funder') return funderAtScale(DATABASE_URL);
  const schema = `bench_projections_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
  const opened = await openBenchStore(DATABASE_URL, schema);
  const { store, db } = opened;
  try {
    process.stdout.write(`PostgreSQL ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')} schema ${schema}\n`);
    let t = performance.now();
    const loaded = await load(store);
    const appendSeconds = (performance.now() - t) / 1000;
    process.stdout.write(
      `loaded ${fmt.format(loaded.events)} events, ${fmt.format(loaded.trajectories)} trajectories (${fmt.format(loaded.open)} open) in ${fmt.format(appendSeconds)} s (${fmt.format(loaded.events / appendSeconds)} events/s through the store)\n\n`,
    );

    const raw = await rawInsertRate(admin, schema, loaded.rows);
    await readAllRate(store); // warm-up: the first pass after the load also sets hint bits, which a rebuild would not pay
    const readRate = await readAllRate(store);
    const lock = new PgAdvisoryLock({ connectionString: DATABASE_URL, namespace: schema });
    const projectionSchema = new ProjectionSchema(db, opened.migrator);
    const results: { name: string; rate: number; seconds: number }[] = [];
    t = performance.now();
    for (const projection of builtInProjections()) {
      const r = await rebuildProjection({ store, db, schema: projectionSchema, lock, projection, batchSize: 2000 });
      results.push({ name: projection.name, rate: r.ratePerSecond, seconds: r.elapsedMs / 1000 });
    }
    const allSeconds = (performance.now() - t) / 1000;
    process.stdout.write('rebuild (events/s, whole store, batches of 2000)\n');
    for (const r of results) process.stdout.write(`  ${r.name.padEnd(10)} ${fmt.format(r.rate).padStart(10)} events/s  (${fmt.format(r.seconds)} s)\n`);
    const n = results.length;
    process.stdout.write(`  ${`all ${n}`.padEnd(10)} ${fmt.format((loaded.events * n) / allSeconds).padStart(10)} events/s  (${fmt.format(allSeconds)} s for ${fmt.format(loaded.events)} events x ${n})\n`);
    process.stdout.write(`  baseline: reading $all alone (store.readAll, batches of 2000): ${fmt.format(readRate)} events/s\n`);
    process.stdout.write(`  baseline: raw pg INSERT of the same ${fmt.format(loaded.rows.length)} rows: ${fmt.format(raw)} rows/s\n\n`);

    const clock = new FixedClock('2026-07-01T10:00:00Z');
    const { rows: ref } = await db.query<{ referent_id: string }>(`SELECT referent_id FROM caseload_trajectories WHERE referent_id IS NOT NULL GROUP BY referent_id ORDER BY count(*) DESC LIMIT 1`);
    const referent = ref[0].referent_id;
    const { rows: openCount } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM caseload_trajectories WHERE stage <> 'closed'`);
    const timings = [
      await timeQueries('caseload, first page of 50 + counts', QUERIES, () => queryCaseload(db, clock, {})),
      await timeQueries('caseload of one referent', QUERIES, () => queryCaseload(db, clock, { referent })),
      await timeQueries('caseload, stage=briques, page 20', QUERIES, () => queryCaseload(db, clock, { stage: 'briques', offset: 950 })),
      await timeQueries('deadlines overdue, first page of 50', QUERIES, () => queryDeadlines(db, clock, { status: 'overdue' })),
      await timeQueries('deadlines overdue bilans of one referent', QUERIES, () => queryDeadlines(db, clock, { status: 'overdue', kind: 'bilan', referent })),
      await timeQueries('baseline: raw pg SELECT 50 rows by PK order', QUERIES, () => admin.query(`SELECT * FROM ${schema}.caseload_trajectories ORDER BY trajectory_id LIMIT 50`)),
      await timeQueries('baseline: raw pg SELECT 1', QUERIES, () => admin.query('SELECT 1')),
    ];
    process.stdout.write(`queries with ${fmt.format(Number(openCount[0].n))} open trajectories (${QUERIES} runs each, ms)\n`);
    for (const q of timings) process.stdout.write(`  ${q.label.padEnd(44)} p50 ${q.p50.toFixed(2).padStart(6)}  p99 ${q.p99.toFixed(2).padStart(6)}  max ${q.max.toFixed(2).padStart(6)}\n`);
    await deadlinesAtScale(DATABASE_URL, '2026-07-01');
    await funderAtScale(DATABASE_URL);
  } finally {
    await opened.close();
    if (process.env.BENCH_KEEP_SCHEMA) process.stdout.write(`kept schema ${schema}\n`);
    else await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:projections failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
