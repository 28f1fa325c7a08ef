/**
 * Commands over HTTP: the API on PostgreSQL (its own schema, dropped after) on a real port, 16
 * concurrent keep-alive clients driving trajectories through a realistic sequence of commands, for
 * a bounded time or count. Printed beside the store's raw append rate measured in the same run, so
 * the HTTP + validation + fold + decide overhead reads directly.
 *
 * The clients run in a worker thread, so their own fetch/JSON work does not share the server's event
 * loop. Each round is an HTTP run then the two append baselines; the median round is reported.
 *
 *   npm run bench:commands      (BENCH_SECONDS=10 BENCH_COMMANDS=20000 BENCH_CLIENTS=16 BENCH_ROUNDS=3)
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { EVENT_STORE } from '../../apps/api/src/store/store.tokens';
import { loadCatalogue } from '../../apps/api/src/trajectories/load-catalogue';
import { mintToken } from '../../libs/auth/src';
import { EncryptingEventStore } from '../../libs/crypto/src';
import type { EventStore } from '../../libs/event-store/src/event-store.port';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_COMMANDS = Number(process.env.BENCH_COMMANDS ?? 20_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const GRID = ['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'].map((axis) => ({
  axis,
  rating: 'in-progress',
}));

interface Step {
  command: string;
  body: Record<string, unknown>;
}

/** One trajectory's life up to a few months of briques: 17 commands, streams stay short. */
function journey(programmeCode: string, brique: string): Step[] {
  const at = (occurredAt: string, body: Record<string, unknown> = {}) => ({ occurredAt, ...body });
  return [
    {
      command: 'receive-saisine',
      body: at('2025-01-06', {
        programmeCode,
        conventionId: 'conv-bench',
        prescriber: { kind: 'landlord', name: 'Bailleur social' },
        motives: ['unpaid-rent'],
        household: { composition: 'single', childrenCount: 0, ageBand: '25-34', referenceGender: 'female', mainResources: 'salary' },
        personal: { household: { lastName: 'Bench', firstName: 'Household', phone: '06 00 00 00 00' } },
      }),
    },
    { command: 'assign-referent', body: at('2025-01-07', { referentId: 'referent-bench' }) },
    { command: 'record-first-contact', body: at('2025-01-10', { mode: 'office' }) },
    { command: 'record-diagnostic-step', body: at('2025-01-15', { step: '1.1', status: 'done' }) },
    { command: 'record-diagnostic-step', body: at('2025-01-16', { step: '1.2', status: 'done' }) },
    { command: 'record-evaluation-grid', body: at('2025-01-20', { ratings: GRID }) },
    { command: 'conclude-diagnostic', body: at('2025-01-24', { outcome: 'propose-accompaniment', householdSigned: true }) },
    {
      command: 'draft-contract',
      body: at('2025-01-27', { measureType: 'AVDL', briques: [brique], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' }),
    },
    { command: 'sign-contract', body: at('2025-01-28', { party: 'household' }) },
    { command: 'sign-contract', body: at('2025-01-28', { party: 'referent' }) },
    { command: 'start-brique', body: at('2025-02-03', { code: brique }) },
    { command: 'record-point', body: at('2025-03-03', { briqueCode: brique, mode: 'home-visit', personal: { summary: 'Point.' } }) },
    { command: 'record-note', body: at('2025-03-10', { personal: { text: 'Called the landlord.' } }) },
    { command: 'record-point', body: at('2025-04-03', { briqueCode: brique, mode: 'phone', personal: { summary: 'Point.' } }) },
    { command: 'record-bilan', body: at('2025-04-28', { personal: { summary: 'Bilan.' } }) },
    { command: 'record-point', body: at('2025-05-05', { briqueCode: brique, mode: 'office-meeting', personal: { summary: 'Point.' } }) },
    { command: 'record-note', body: at('2025-05-12', { category: 'incident' }) },
  ];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Commands go through the real token check: verifying an HS256 JWT is part of what a command costs.
const AUTH_SECRET = randomBytes(32).toString('base64url');

interface ClientJob {
  baseUrl: string;
  steps: Step[];
  authorization: string;
  seconds: number;
  maxCommands: number;
}

interface RunResult {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  errors?: number;
}

/** CLIENTS keep-alive clients (node's fetch), each driving its own trajectories, one command at a time. */
async function httpRun(job: ClientJob): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const deadline = performance.now() + job.seconds * 1000;
  const more = () => sent < job.maxCommands && performance.now() < deadline;

  async function client(): Promise<void> {
    while (more()) {
      let id = '';
      for (const step of job.steps) {
        if (!more()) return;
        sent++;
        const url = step.command === 'receive-saisine' ? `${job.baseUrl}/trajectories` : `${job.baseUrl}/trajectories/${id}/commands/${step.command}`;
        const started = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: job.authorization },
          body: JSON.stringify(step.body),
        });
        const body = (await res.json()) as { trajectoryId?: string; code?: string };
        latencies.push(performance.now() - started);
        if (res.status >= 300) {
          errors++;
          if (errors <= 3) console.error(`  ${step.command} -> ${res.status} ${body.code}`);
          break;
        }
        if (body.trajectoryId) id = body.trajectoryId;
      }
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, () => client()));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, errors, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function httpRunInWorker(job: ClientJob): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the client worker exited with ${code}`)));
  });
}

/**
 * The same number of writers appending one event each to their own short streams: no HTTP, no
 * validation, no fold. Run on the store underneath (SQL only) and through the encrypting store the
 * API uses (one household key per stream), so the cost of each layer reads directly.
 */
async function rawAppendRun(store: EventStore, total: number): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  async function writer(): Promise<void> {
    let stream = '';
    let householdId = '';
    let version = 17;
    while (next < total) {
      next++;
      if (version === 17) {
        stream = `bench-raw-${randomUUID()}`;
        householdId = randomUUID();
        version = 0;
      }
      const started = performance.now();
      await store.append(
        stream,
        [
          {
            id: randomUUID(),
            type: 'NoteRecorded',
            data: { category: 'note', personal: { text: 'Called the landlord.' } },
            metadata: { actor: { id: 'bench', role: 'referent' }, householdId },
          },
        ],
        { expectedVersion: version === 0 ? 'no-stream' : version },
      );
      latencies.push(performance.now() - started);
      version++;
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, () => writer()));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const schema = `bench_commands_${randomBytes(4).toString('hex')}`;
  const catalogue = await loadCatalogue(process.env.PROGRAMMES_DIR);
  const monthly = (code: string) => catalogue.briques.get(code)?.cadence === 'monthly';
  const programme = catalogue.programmes.all().find((p) => p.allowedBriques.some(monthly));
  if (!programme) throw new Error('No programme with a monthly brique in the catalogue to run the benchmark with.');
  const brique = programme.allowedBriques.find(monthly) as string;

  const authorization = `Bearer ${await mintToken({ secret: AUTH_SECRET, subject: 'coordinator-bench', role: 'coordinator' })}`;
  const auth = { keys: { kind: 'secret' as const, secret: AUTH_SECRET } };
  const { app } = await createApp({ databaseUrl: DATABASE_URL, schema, catalogue, auth, docs: false, logger: ['error'] });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpAdapter().getInstance().server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const job: ClientJob = { baseUrl: `http://127.0.0.1:${port}`, steps: journey(programme.code, brique), authorization, seconds: SECONDS, maxCommands: MAX_COMMANDS };
    const apiStore = app.get<EventStore>(EVENT_STORE);
    const sqlStore = apiStore instanceof EncryptingEventStore ? apiStore.sealedStore : apiStore;

    console.log(`Commands over HTTP: ${CLIENTS} clients, ${ROUNDS} round(s) of up to ${SECONDS}s or ${MAX_COMMANDS} commands, PostgreSQL schema ${schema}`);
    // Warm-up: JIT, connection pool, prepared plans.
    await httpRunInWorker({ ...job, seconds: Math.min(3, SECONDS) });
    const rounds: { http: RunResult; sealed: RunResult; raw: RunResult }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const http = await httpRunInWorker(job);
      const total = Math.max(500, Math.min(http.count, 20_000));
      const sealed = await rawAppendRun(apiStore, total);
      const raw = await rawAppendRun(sqlStore, total);
      rounds.push({ http, sealed, raw });
      console.log(`  round ${round}: ${rate(http)} commands/s, ${rate(sealed)} encrypted appends/s, ${rate(raw)} SQL appends/s`);
    }

    const median = (pick: (r: (typeof rounds)[number]) => RunResult) => {
      const sorted = rounds.map(pick).sort((a, b) => a.count / a.seconds - b.count / b.seconds);
      return sorted[Math.floor(sorted.length / 2)];
    };
    const row = (name: string, r: RunResult) => `| ${name} | ${r.count} | ${rate(r)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`;
    const http = median((r) => r.http);
    const raw = median((r) => r.raw);
    console.log('');
    console.log('| run (median round) | operations | per second | p50 ms | p99 ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(row('HTTP commands (token, validate, load, fold, decide, encrypt, append)', http));
    console.log(row('store.append through encryption (1 event, expected version)', median((r) => r.sealed)));
    console.log(row('raw SQL store.append (1 event, expected version)', raw));
    console.log(`\nHTTP commands reach ${((http.count / http.seconds / (raw.count / raw.seconds)) * 100).toFixed(0)}% of the raw append rate.`);
    const refused = rounds.reduce((n, r) => n + (r.http.errors ?? 0), 0);
    if (refused) console.log(`${refused} command(s) were refused (see above).`);
  } finally {
    await app.close();
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  }
}

function rate(r: RunResult): string {
  return (r.count / r.seconds).toFixed(0);
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  void httpRun(workerData as ClientJob).then((result) => parentPort?.postMessage(result));
}
