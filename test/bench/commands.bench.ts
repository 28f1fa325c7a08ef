/**
 * Commands over HTTP against a bare NestJS + Fastify anchor, in the same run, with the same load tool
 * (keep-alive clients on node's fetch, in a worker thread so their own work does not share the
 * server's event loop) and the same number of connections:
 *  - anchor: test/bench/anchor.app.ts, POST doing `BEGIN; SELECT max(version) …; INSERT; COMMIT` on pg,
 *    no auth, no validation, no event store;
 *  - saisine: POST /trajectories (the API as `npm start` builds it: JWT guard, validation, CommandBus,
 *    engine, encryption under a new household key, es_append), each one a new trajectory;
 *  - command: record-point on existing trajectories (one per client, in the briques stage).
 * Each scenario runs at BENCH_CLIENTS connections, then with one; rounds interleave the scenarios and
 * the median round is shown; the ratios are the median of the per-round ratios (the anchor ran in the same
 * round). The load average is printed with the figures: the machine is shared.
 *
 *   npm run bench:commands      (BENCH_SECONDS=8 BENCH_SINGLE_SECONDS=4 BENCH_CLIENTS=16 BENCH_ROUNDS=3)
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { loadCatalogue } from '../../apps/api/src/trajectories/load-catalogue';
import { mintToken } from '../../libs/auth/src';
import { createAnchorApp } from './anchor.app';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SINGLE_SECONDS = Number(process.env.BENCH_SINGLE_SECONDS ?? 4);
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

// Requests go through the real token check: verifying the JWT is part of what a command costs.
const AUTH_SECRET = randomBytes(32).toString('base64url');
const REFERENT = 'referent-bench';

type Scenario = 'anchor' | 'saisine' | 'command';
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'anchor,saisine,command').split(',') as Scenario[];

interface Request {
  path: string;
  body: unknown;
}

interface LoadJob {
  baseUrl: string;
  authorization?: string;
  /** One list per client: client i sends requests[i % n] in turn. */
  requests: Request[][];
  clients: number;
  seconds: number;
}

interface RunResult {
  count: number;
  /** Milliseconds the server's event loop (this process's main thread) was busy, per request. */
  busyMs?: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `clients` keep-alive clients, one request at a time each, for `seconds`. */
async function loadRun(job: LoadJob): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + job.seconds * 1000;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(job.authorization ? { authorization: job.authorization } : {}) };

  async function client(index: number): Promise<void> {
    const mine = job.requests[index % job.requests.length];
    for (let i = 0; performance.now() < deadline; i++) {
      const request = mine[i % mine.length];
      const started = performance.now();
      const res = await fetch(`${job.baseUrl}${request.path}`, { method: 'POST', headers, body: JSON.stringify(request.body) });
      const body = (await res.json()) as { code?: string };
      latencies.push(performance.now() - started);
      if (res.status >= 300 && ++errors <= 3) console.error(`  ${request.path} -> ${res.status} ${body.code}`);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: job.clients }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, errors, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The clients run in a worker; the servers stay on this thread, whose busy time is measured meanwhile. */
function loadRunInWorker(job: LoadJob): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    const elu = performance.eventLoopUtilization();
    worker.once('message', (result: RunResult) => {
      const used = performance.eventLoopUtilization(elu);
      resolve({ ...result, busyMs: used.active / Math.max(1, result.count) });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the client worker exited with ${code}`)));
  });
}

async function post(baseUrl: string, authorization: string, path: string, body: unknown): Promise<{ trajectoryId?: string }> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  const answer = (await res.json()) as { trajectoryId?: string; code?: string };
  if (res.status >= 300) throw new Error(`set-up: ${path} -> ${res.status} ${answer.code}`);
  return answer;
}

const rate = (r: RunResult) => r.count / r.seconds;
const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<void> {
  const schema = `bench_commands_${randomBytes(4).toString('hex')}`;
  const anchorSchema = `${schema}_anchor`;
  const catalogue = await loadCatalogue(process.env.PROGRAMMES_DIR);
  const monthly = (code: string) => catalogue.briques.get(code)?.cadence === 'monthly';
  const programme = catalogue.programmes.all().find((p) => p.allowedBriques.some(monthly));
  if (!programme) throw new Error('No programme with a monthly brique in the catalogue to run the benchmark with.');
  const brique = programme.allowedBriques.find(monthly) as string;
  const steps = journey(programme.code, brique);

  const authorization = `Bearer ${await mintToken({ secret: AUTH_SECRET, subject: REFERENT, role: 'referent' })}`;
  const coordinator = `Bearer ${await mintToken({ secret: AUTH_SECRET, subject: 'coordinator-bench', role: 'coordinator' })}`;
  const auth = { keys: { kind: 'secret' as const, secret: AUTH_SECRET } };
  const { app } = await createApp({ databaseUrl: DATABASE_URL, schema, catalogue, auth, docs: false, logger: ['error'] });
  const anchor = await createAnchorApp(DATABASE_URL, anchorSchema);
  try {
    const baseUrlOf = async (a: typeof app) => {
      await a.listen({ port: 0, host: '127.0.0.1' });
      const address = a.getHttpAdapter().getInstance().server.address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    };
    const apiUrl = await baseUrlOf(app);
    const anchorUrl = await baseUrlOf(anchor.app);

    // One trajectory per client, brought to the briques stage, for the command scenario.
    const trajectories: string[] = [];
    const upToBriques = steps.slice(1, steps.findIndex((s) => s.command === 'start-brique') + 1);
    for (let i = 0; i < CLIENTS; i++) {
      const { trajectoryId } = await post(apiUrl, authorization, '/trajectories', steps[0].body);
      for (const step of upToBriques) {
        await post(apiUrl, step.command === 'assign-referent' ? coordinator : authorization, `/trajectories/${trajectoryId}/commands/${step.command}`, step.body);
      }
      trajectories.push(trajectoryId as string);
    }
    const point = steps.find((s) => s.command === 'record-point') as Step;
    const jobs: Record<Scenario, Omit<LoadJob, 'clients' | 'seconds'>> = {
      anchor: { baseUrl: anchorUrl, requests: Array.from({ length: CLIENTS }, (_, i) => [{ path: `/anchor/stream-${i}`, body: point.body }]) },
      saisine: { baseUrl: apiUrl, authorization, requests: [[{ path: '/trajectories', body: steps[0].body }]] },
      command: { baseUrl: apiUrl, authorization, requests: trajectories.map((id) => [{ path: `/trajectories/${id}/commands/record-point`, body: point.body }]) },
    };

    const before = execSync('uptime').toString().trim();
    console.log(`bench:commands: ${CLIENTS} connections x ${SECONDS}s and 1 connection x ${SINGLE_SECONDS}s per scenario, ${ROUNDS} round(s), PostgreSQL schema ${schema}`);
    console.log(`uptime before: ${before}`);
    for (const scenario of SCENARIOS) await loadRunInWorker({ ...jobs[scenario], clients: CLIENTS, seconds: Math.min(2, SECONDS) }); // warm-up

    const results: Record<Scenario, { many: RunResult[]; one: RunResult[] }> = { anchor: { many: [], one: [] }, saisine: { many: [], one: [] }, command: { many: [], one: [] } };
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved, so a change in the machine's load touches every scenario alike.
      for (const scenario of SCENARIOS) results[scenario].many.push(await loadRunInWorker({ ...jobs[scenario], clients: CLIENTS, seconds: SECONDS }));
      for (const scenario of SCENARIOS) results[scenario].one.push(await loadRunInWorker({ ...jobs[scenario], clients: 1, seconds: SINGLE_SECONDS }));
      console.log(`  round ${round}: ${SCENARIOS.map((s) => `${s} ${rate(results[s].many[round - 1]).toFixed(0)} req/s`).join(', ')} (load ${loadAverage()})`);
    }
    const after = execSync('uptime').toString().trim();

    const median = (runs: RunResult[], by: (r: RunResult) => number) => [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)];
    if (!results.anchor.many.length) throw new Error('BENCH_SCENARIOS must include anchor: every figure is a ratio to it.');
    const anchorMany = median(results.anchor.many, rate);
    const anchorOne = median(results.anchor.one, (r) => r.p50);
    console.log('');
    console.log(`| scenario | ${CLIENTS} connections: req/s | p50 ms | p99 ms | req/s vs anchor | 1 connection: p50 ms | p50 vs anchor | server busy ms/req | errors |`);
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const names: Record<Scenario, string> = {
      anchor: 'anchor: bare NestJS + Fastify, BEGIN/SELECT max/INSERT/COMMIT',
      saisine: 'saisine: POST /trajectories',
      command: 'command: record-point on an existing trajectory',
    };
    // The machine's load changes from one round to the next (2 shared cores): a ratio is taken within
    // each round, where the anchor ran beside the scenario, and the median of those ratios is shown.
    const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratiosOf = (scenario: Scenario) => ({
      rate: results[scenario].many.map((r, i) => rate(r) / rate(results.anchor.many[i])),
      p50: results[scenario].one.map((r, i) => r.p50 / results.anchor.one[i].p50),
    });
    for (const scenario of SCENARIOS) {
      const many = median(results[scenario].many, rate);
      const one = median(results[scenario].one, (r) => r.p50);
      const ratios = ratiosOf(scenario);
      const errors = [...results[scenario].many, ...results[scenario].one].reduce((n, r) => n + r.errors, 0);
      console.log(
        `| ${names[scenario]} | ${rate(many).toFixed(0)} | ${many.p50.toFixed(1)} | ${many.p99.toFixed(1)} | ${middle(ratios.rate).toFixed(2)}x | ${one.p50.toFixed(2)} | ${middle(ratios.p50).toFixed(2)}x | ${(many.busyMs ?? 0).toFixed(2)} | ${errors} |`,
      );
    }
    console.log('');
    for (const scenario of SCENARIOS.filter((s) => s !== 'anchor')) {
      const ratios = ratiosOf(scenario);
      console.log(`${scenario} per round: req/s vs anchor ${ratios.rate.map((r) => r.toFixed(2)).join(', ')}; 1-connection p50 vs anchor ${ratios.p50.map((r) => r.toFixed(2)).join(', ')}`);
    }
    console.log(`anchor medians: ${rate(anchorMany).toFixed(0)} req/s at ${CLIENTS} connections, p50 ${anchorOne.p50.toFixed(2)} ms at 1.`);
    console.log(`\nuptime after: ${after}`);
    console.log('Targets: command >= 0.9x and saisine >= 0.6x the anchor\'s req/s, p99 <= 50 ms at 16 connections, 1-connection p50 <= 1.5x the anchor\'s.');
  } finally {
    await app.close();
    await anchor.close();
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${anchorSchema}" CASCADE`).finally(() => client.end());
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  void loadRun(workerData as LoadJob).then((result) => parentPort?.postMessage(result));
}
