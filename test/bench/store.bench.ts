/**
 * The event store against a raw-pg baseline measured in the same run (architecture §7).
 *
 *   npm run bench:store     (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                            BENCH_APPENDS=1000 BENCH_ROUNDS=3 BENCH_SKIP_PGLITE=1
 *                            BENCH_NETWORK_DELAY_MS=1: also run PostgreSQL through a local proxy
 *                            that delays each packet, as a database on another host would)
 *
 * Each scenario runs BENCH_ROUNDS times, interleaved with the others, and the median round is
 * printed: the machines are shared, and one noisy round should not decide a ratio.
 * PostgreSQL runs in its own schema, dropped at the end; PGlite runs in memory.
 */
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { PgliteSqlDatabase, PgSqlDatabase, readVerifiedStream, SqlEventStore, verifyEvents, type NewEvent, type SqlDatabase } from '../../libs/event-store/src';
import { EncryptingEventStore, generateMasterKey, SqlKeyStore } from '../../libs/crypto/src';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const APPENDS = Number(process.env.BENCH_APPENDS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 8;
const BATCH = 100;
const READ_EVENTS = 500;

interface Measure {
  events: number;
  seconds: number;
  /** Per operation (one append, one read), ms. */
  latencies: number[];
}

interface Row {
  store: string;
  scenario: string;
  measure: Measure;
  /** Which row this one is compared with, and how. */
  versus?: { scenario: string; by: 'rate' | 'latency' };
}

/** Raw access to the same database, written the way one would without the store. */
interface Raw {
  /** BEGIN; SELECT max(version); INSERT; COMMIT — four round trips, optimistic check in the app. */
  appendOne(stream: string, data: unknown): Promise<void>;
  /** SELECT * of the store's own rows for a stream: what readStream reads, without the store. */
  selectStream(stream: string): Promise<unknown[]>;
  close(): Promise<void>;
}

const payload = (n: number) => ({
  n,
  kind: 'BriqueSessionRecorded',
  occurredAt: '2026-03-02',
  notes: 'Entretien au domicile, point sur le budget et les démarches.',
  tags: ['budget', 'logement'],
});
const event = (n: number): NewEvent => ({ id: randomUUID(), type: 'BenchEvent', data: payload(n), metadata: { actor: { id: 'bench', role: 'referent' } } });
/** The same event with its free text in data.personal, sealed under the household's key (docs/privacy.md). */
const personalEvent = (n: number, householdId: string): NewEvent => {
  const { notes, ...facts } = payload(n);
  return { id: randomUUID(), type: 'BenchEvent', data: { ...facts, personal: { notes } }, metadata: { actor: { id: 'bench', role: 'referent' }, householdId } };
};

async function timed(ops: number, eventsPerOp: number, run: (i: number) => Promise<void>): Promise<Measure> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ops; i += 1) {
    const t = performance.now();
    await run(i);
    latencies.push(performance.now() - t);
  }
  return { events: ops * eventsPerOp, seconds: (performance.now() - started) / 1000, latencies };
}

async function scenarios(label: string, db: SqlDatabase, raw: Raw, appends = APPENDS): Promise<Row[]> {
  const store = await SqlEventStore.open(db);
  const results = new Map<string, Measure[]>();
  const record = (name: string, m: Measure) => results.set(name, [...(results.get(name) ?? []), m]);

  // A stream of READ_EVENTS events, written once, read by both the store and a raw SELECT.
  const readStream = `bench-read-${randomUUID()}`;
  for (let v = 0; v < READ_EVENTS; v += BATCH) {
    await store.append(readStream, Array.from({ length: BATCH }, (_, i) => event(v + i)), { expectedVersion: v });
  }

  // Encryption on: the same store behind EncryptingEventStore, one household per stream as in the app.
  const encrypted = new EncryptingEventStore(store, await SqlKeyStore.open(db, { current: generateMasterKey('bench') }));
  const sealedReadStream = `bench-read-sealed-${randomUUID()}`;
  const readHousehold = randomUUID();
  for (let v = 0; v < READ_EVENTS; v += BATCH) {
    await encrypted.append(sealedReadStream, Array.from({ length: BATCH }, (_, i) => personalEvent(v + i, readHousehold)), { expectedVersion: v });
  }

  for (let round = 1; round <= ROUNDS; round += 1) {
    const baselineStream = `bench-raw-${randomUUID()}`;
    record('baseline: raw BEGIN/SELECT max/INSERT/COMMIT', await timed(appends, 1, (i) => raw.appendOne(baselineStream, payload(i))));

    const seqStream = `bench-seq-${randomUUID()}`;
    record('store: sequential append, expectedVersion', await timed(appends, 1, (i) => store.append(seqStream, [event(i)], { expectedVersion: i }).then(() => undefined)));

    const perWriter = Math.ceil(appends / CONCURRENCY) * 2;
    const started = performance.now();
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const stream = `bench-conc-${randomUUID()}`;
        for (let i = 0; i < perWriter; i += 1) {
          const t = performance.now();
          await store.append(stream, [event(i)], { expectedVersion: i });
          latencies.push(performance.now() - t);
        }
      }),
    );
    record(`store: ${CONCURRENCY} concurrent appenders, distinct streams`, { events: perWriter * CONCURRENCY, seconds: (performance.now() - started) / 1000, latencies });

    const batchStream = `bench-batch-${randomUUID()}`;
    const batches = Math.max(10, Math.ceil(appends / 50));
    record(
      `store: ${BATCH}-event appends`,
      await timed(batches, BATCH, (i) =>
        store.append(batchStream, Array.from({ length: BATCH }, (_, k) => event(k)), { expectedVersion: i * BATCH }).then(() => undefined),
      ),
    );

    const reads = 40;
    record(`raw SELECT of a ${READ_EVENTS}-event stream`, await timed(reads, READ_EVENTS, () => raw.selectStream(readStream).then(() => undefined)));
    record(`store: readStream of ${READ_EVENTS} events`, await timed(reads, READ_EVENTS, () => store.readStream(readStream).then(() => undefined)));

    const sealedStream = `bench-sealed-${randomUUID()}`;
    const household = randomUUID();
    record(
      'encrypted: sequential append, expectedVersion',
      await timed(appends, 1, (i) => encrypted.append(sealedStream, [personalEvent(i, household)], { expectedVersion: i }).then(() => undefined)),
    );
    record(`encrypted: readStream of ${READ_EVENTS} events`, await timed(reads, READ_EVENTS, () => encrypted.readStream(sealedReadStream).then(() => undefined)));

    // What GET /trajectories/{id} and its history read: the same rows, their hash chain checked as read.
    record(`encrypted: readStream of ${READ_EVENTS} + chain check`, await timed(reads, READ_EVENTS, () => encrypted.readVerifiedStream(sealedReadStream).then(() => undefined)));
    record(`store: readStream of ${READ_EVENTS} + chain check`, await timed(reads, READ_EVENTS, () => readVerifiedStream(store, readStream).then(() => undefined)));
    // The check alone on rows already in memory (sha-256 + canonical JSON per event): its CPU cost.
    const rows = await store.readStream(readStream);
    record(`chain check alone, ${READ_EVENTS} rows in memory`, await timed(reads, READ_EVENTS, async () => void verifyEvents(readStream, rows)));
  }
  await store.close();

  const median = (name: string): Measure => {
    const runs = [...(results.get(name) ?? [])].sort((a, b) => a.events / a.seconds - b.events / b.seconds);
    const middle = runs[Math.floor(runs.length / 2)];
    // Latency percentiles over every round's operations: more samples, same scenario.
    return { ...middle, latencies: runs.flatMap((r) => r.latencies) };
  };
  const names = [...results.keys()];
  const base = names[0];
  const readBase = names[4];
  return names.map((scenario, index) => ({
    store: label,
    scenario,
    measure: median(scenario),
    versus:
      index === 0 || index === 4
        ? undefined
        : index === 5
          ? { scenario: readBase, by: 'latency' as const }
          : index === 6
            ? { scenario: names[1], by: 'rate' as const }
            : index === 7
              ? { scenario: names[5], by: 'latency' as const }
              : index === 8
                ? { scenario: names[7], by: 'latency' as const }
                : index === 9 || index === 10
                  ? { scenario: names[5], by: 'latency' as const }
                  : { scenario: index === 2 ? names[1] : base, by: 'rate' as const },
  }));
}

function pgRaw(table: string, eventsTable: string, client: Client): Raw {
  return {
    appendOne: async (stream, data) => {
      await client.query('BEGIN');
      const { rows } = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${table} WHERE stream_id = $1`, [stream]);
      await client.query(`INSERT INTO ${table} (stream_id, version, data) VALUES ($1, $2, $3)`, [stream, (rows[0].v ?? 0) + 1, JSON.stringify(data)]);
      await client.query('COMMIT');
    },
    selectStream: async (stream) => (await client.query(`SELECT * FROM ${eventsTable} WHERE stream_id = $1 ORDER BY version`, [stream])).rows,
    close: () => client.end(),
  };
}

function pgliteRaw(table: string, eventsTable: string, db: PgliteSqlDatabase): Raw {
  const pg = db.pglite;
  return {
    appendOne: async (stream, data) => {
      await pg.query('BEGIN');
      const { rows } = await pg.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${table} WHERE stream_id = $1`, [stream]);
      await pg.query(`INSERT INTO ${table} (stream_id, version, data) VALUES ($1, $2, $3)`, [stream, (rows[0].v ?? 0) + 1, JSON.stringify(data)]);
      await pg.query('COMMIT');
    },
    selectStream: async (stream) => (await pg.query(`SELECT * FROM ${eventsTable} WHERE stream_id = $1 ORDER BY version`, [stream])).rows,
    close: async () => undefined,
  };
}

const RAW_TABLE = (schema: string) => `
  CREATE SCHEMA IF NOT EXISTS ${schema};
  CREATE TABLE ${schema}.raw_events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id text NOT NULL, version integer NOT NULL, data jsonb NOT NULL,
    UNIQUE (stream_id, version));`;

async function benchPostgres(databaseUrl = DATABASE_URL, label = 'PostgreSQL', appends = APPENDS): Promise<Row[]> {
  const schema = `bench_store_${process.pid}`;
  const db = new PgSqlDatabase({ connectionString: databaseUrl, schema, max: CONCURRENCY + 2 });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(RAW_TABLE(schema));
    return await scenarios(label, db, pgRaw(`${schema}.raw_events`, `${schema}.events`, client), appends);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
    await db.close();
  }
}

async function benchPglite(): Promise<Row[]> {
  const db = await PgliteSqlDatabase.create({ schema: 'bench' });
  try {
    await db.exec(RAW_TABLE('bench'));
    return await scenarios('PGlite (memory)', db, pgliteRaw('bench.raw_events', 'bench.events', db));
  } finally {
    await db.close();
  }
}

/** A TCP proxy that holds every chunk for `delayMs` each way: loopback with a network's round trip. */
async function delayingProxy(target: URL, delayMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((inbound) => {
    const outbound = connect(Number(target.port || 5432), target.hostname);
    const pipe = (from: typeof inbound, to: typeof inbound) => {
      from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
      from.on('close', () => setTimeout(() => to.destroy(), delayMs));
      from.on('error', () => to.destroy());
    };
    pipe(inbound, outbound);
    pipe(outbound, inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return { url: url.href, server };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

function print(rows: Row[]): void {
  const rate = (m: Measure) => m.events / m.seconds;
  const find = (store: string, scenario: string) => rows.find((r) => r.store === store && r.scenario === scenario)?.measure;
  const lines = rows.map((row) => {
    const m = row.measure;
    let ratio = '';
    if (row.versus) {
      const other = find(row.store, row.versus.scenario);
      if (other) {
        ratio =
          row.versus.by === 'rate'
            ? `${(rate(m) / rate(other)).toFixed(2)}x`
            : `${(percentile(m.latencies, 0.5) / percentile(other.latencies, 0.5)).toFixed(2)}x time`;
      }
    }
    return [row.store, row.scenario, String(m.events), rate(m).toFixed(0), percentile(m.latencies, 0.5).toFixed(2), percentile(m.latencies, 0.99).toFixed(2), ratio];
  });
  const header = ['store', 'scenario', 'events', 'events/s', 'p50 ms', 'p99 ms', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  lines.forEach((l) => console.log(fmt(l)));
  console.log('\nratio: appends vs the raw baseline (events/s); concurrent vs the store\'s sequential rate; reads as p50 time vs the raw SELECT.');
  console.log('encrypted rows: the same store behind EncryptingEventStore (data.personal sealed per household), vs the plain sequential append (rate) and plain readStream (p50 time).');

  console.log('chain check: the same read with the hash chain recomputed on its rows (what the trajectory reads do), vs the same read without; "alone": the check on rows in memory, vs the plain read.');
  for (const store of [...new Set(rows.map((r) => r.store))]) {
    const p50 = (prefix: string) => {
      const m = rows.find((r) => r.store === store && r.scenario.startsWith(prefix))?.measure;
      return m ? percentile(m.latencies, 0.5) : undefined;
    };
    const perEvent = (checked?: number, plain?: number) => (checked !== undefined && plain !== undefined ? `${(((checked - plain) * 1000) / READ_EVENTS).toFixed(1)} µs` : 'n/a');
    const alone = p50('chain check alone');
    console.log(
      `${store}: chain check per event: ${perEvent(p50(`store: readStream of ${READ_EVENTS} +`), p50(`store: readStream of ${READ_EVENTS} events`))} over the plain read, ` +
        `${perEvent(p50(`encrypted: readStream of ${READ_EVENTS} +`), p50(`encrypted: readStream of ${READ_EVENTS} events`))} over the encrypted read; ` +
        `alone ${alone !== undefined ? ((alone * 1000) / READ_EVENTS).toFixed(1) : 'n/a'} µs, ` +
        `vs ${((p50(`store: readStream of ${READ_EVENTS} events`) ?? NaN) * 1000 / READ_EVENTS).toFixed(1)} µs per event for the plain read`,
    );
  }

  const pg = (scenario: string) => rows.find((r) => r.store === 'PostgreSQL' && r.scenario.startsWith(scenario))?.measure;
  const [baseline, seq, conc, rawRead, read] = ['baseline', 'store: sequential', 'store: 8 concurrent', 'raw SELECT', 'store: readStream'].map(pg);
  if (baseline && seq && conc && rawRead && read) {
    const check = (label: string, value: number, target: number, higherIsBetter = true) =>
      console.log(`${(higherIsBetter ? value >= target : value <= target) ? 'MET   ' : 'MISSED'} ${label}: ${value.toFixed(2)} (target ${higherIsBetter ? '>=' : '<='} ${target})`);
    console.log('\nTargets on PostgreSQL:');
    check('sequential expectedVersion append vs baseline', rate(seq) / rate(baseline), 1.2);
    check('8 concurrent vs sequential store rate', rate(conc) / rate(seq), 2.5);
    check('read 500 vs raw SELECT (p50 time)', percentile(read.latencies, 0.5) / percentile(rawRead.latencies, 0.5), 1.5, false);
  }
}

async function main(): Promise<void> {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Store benchmark: ${APPENDS} sequential appends per round, ${ROUNDS} rounds (median round shown), node ${process.version}, load average ${load()}\n`);
  const rows = await benchPostgres();
  if (!process.env.BENCH_SKIP_PGLITE) rows.push(...(await benchPglite()));
  const delay = Number(process.env.BENCH_NETWORK_DELAY_MS ?? 0);
  if (delay > 0) {
    const proxy = await delayingProxy(new URL(DATABASE_URL), delay);
    try {
      rows.push(...(await benchPostgres(proxy.url, `PostgreSQL +${delay} ms each way`, Math.min(APPENDS, 300))));
    } finally {
      proxy.server.close();
    }
  }
  print(rows);
  console.log(`\nload average at the end: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
