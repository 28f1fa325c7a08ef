/**
 * The web app as a person's browser gets it (issue 16's figures), on the embedded store (PGlite):
 *
 * 1. the demo service (`npm run cli -- demo`'s seeder, through the API): the caseload's first load in
 *    a fresh browser (nothing cached), from the sign-in link to the first row shown; the JavaScript
 *    that load fetched, raw and gzipped; beside it, same run, GET /caseload alone (the baseline);
 * 2. 10,000 trajectories in the caseload read model (rows written straight into its tables, as
 *    bench:projections does for the deadlines): a filter change on the page (the stage select), from
 *    the choice to the table showing the new answer; beside it, GET /caseload?stage=... alone.
 *
 * Targets: first load < 1 s, JS < 300 KB gzipped, filter change < 200 ms. Debian's Chromium drives
 * the page (CHROMIUM_PATH, default /usr/bin/chromium). Figures come with the load average.
 *
 *   npm run bench:web            (BENCH_LOADS=5 BENCH_CHANGES=12 BENCH_TRAJECTORIES=10000)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../apps/api/src/app.factory';
import { PROJECTIONS_DATABASE } from '../../apps/api/src/projections/projections.tokens';
import { type DemoCall, seedDemo } from '../../apps/cli/src/demo/demo-seeder';
import { type DemoActor, DEMO_PEOPLE } from '../../apps/cli/src/demo/demo-service';
import { mintToken } from '../../libs/auth/src';
import { parisDate, type Role } from '../../libs/domain/src';
import type { ProjectionDatabase } from '../../projections/core/sql.port';
import { CASELOAD_COUNTS_TABLE, CASELOAD_TABLE } from '../../projections/caseload/caseload.tables';

const ROOT = resolve(__dirname, '../../..');
const WEB_DIR = process.env.WEB_DIR ?? join(ROOT, 'dist', 'web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 12);
const TRAJECTORIES = Number(process.env.BENCH_TRAJECTORIES ?? 10_000);
const TARGET = { firstLoadMs: 1000, jsGzipKb: 300, filterChangeMs: 200 };

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

interface Running {
  app: NestFastifyApplication;
  baseUrl: string;
  secret: string;
  dir: string;
}

async function startEmbedded(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const secret = randomBytes(32).toString('base64url');
  const { app } = await createApp({ dataDir: dir, auth: { keys: { kind: 'secret', secret } }, logger: false, webDir: WEB_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpAdapter().getInstance().server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, secret, dir };
}

async function stop(running: Running): Promise<void> {
  await running.app.close();
  rmSync(running.dir, { recursive: true, force: true });
}

const tokenFor = (running: Running, actor: DemoActor) => mintToken({ secret: running.secret, subject: actor.id, role: actor.role as Role, scopes: [...(actor.scopes ?? [])], expiresIn: '2h' });

/** Until /health says every projection caught up (lag 0), with a deadline. */
async function caughtUp(baseUrl: string, withinMs = 120_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { components?: { projections?: { projections?: { lag: number }[] } } };
    if ((health.components?.projections?.projections ?? []).every((p) => p.lag === 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the read models did not catch up');
}

/** The API alone, same run: the floor under any page time. */
async function apiTimes(url: string, token: string, n = 30): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'fr' } });
    await res.arrayBuffer();
    if (i >= 5) times.push(performance.now() - t);
  }
  return times;
}

async function demoPart(browser: Browser): Promise<void> {
  const running = await startEmbedded();
  try {
    const call: DemoCall = async (method, path, actor, body) => {
      const res = await fetch(`${running.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${await tokenFor(running, actor)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    const summary = await seedDemo(call, parisDate(new Date()));
    await caughtUp(running.baseUrl);
    const coordinator = await tokenFor(running, DEMO_PEOPLE.coordinator);
    const api = await apiTimes(`${running.baseUrl}/caseload?limit=50&offset=0`, coordinator);

    const loads: number[] = [];
    let js: { url: string; raw: number; gzip: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      // A new context each time: no cache, no session, as a first visit.
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      const scripts: Promise<{ url: string; raw: number; gzip: number }>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') {
          scripts.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body).length })));
        }
      });
      const t = performance.now();
      await page.goto(`${running.baseUrl}/connexion#token=${coordinator}`);
      await page.getByRole('table').filter({ hasText: 'Prochaine échéance' }).getByRole('link').first().waitFor();
      loads.push(performance.now() - t);
      js = await Promise.all(scripts);
      await context.close();
    }
    const jsRaw = js.reduce((s, f) => s + f.raw, 0) / 1024;
    const jsGzip = js.reduce((s, f) => s + f.gzip, 0) / 1024;
    const assets = existsSync(join(WEB_DIR, 'assets')) ? readFileSync(join(WEB_DIR, 'index.html'), 'utf8').match(/assets\/[\w.-]+\.js/g) ?? [] : [];
    process.stdout.write(`1. demo service (${summary.households} households), embedded store — load average ${load()}\n`);
    process.stdout.write(`   baseline GET /caseload (50 rows): p50 ${fmt(median(api), 1)} ms, max ${fmt(max(api), 1)} ms\n`);
    process.stdout.write(`   first load of the caseload, ${LOADS} fresh browsers: median ${fmt(median(loads))} ms, max ${fmt(max(loads))} ms (target < ${TARGET.firstLoadMs} ms: ${verdict(median(loads) < TARGET.firstLoadMs)})\n`);
    process.stdout.write(`   JavaScript fetched: ${js.length} file(s) (${js.map((f) => f.url).join(', ')}), ${fmt(jsRaw, 1)} KB raw, ${fmt(jsGzip, 1)} KB gzipped (target < ${TARGET.jsGzipKb} KB: ${verdict(jsGzip < TARGET.jsGzipKb)}); index.html names ${assets.length}\n`);
  } finally {
    await stop(running);
  }
}

/** 10,000 caseload rows in one statement, stages sized 1:2:...:7 so each stage's total differs. */
async function fillCaseload(db: ProjectionDatabase, n: number): Promise<void> {
  const stages = ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille'];
  await db.query(
    `INSERT INTO ${CASELOAD_TABLE} (trajectory_id, version, stage, stage_since, opened_on, referent_id, programme_code, convention_id,
       prescriber_kind, prescriber_name, prescriber_id, suspended, next_deadline_kind, next_deadline_on, next_deadline_brique)
     SELECT md5('bench-' || i)::uuid::text, 5,
       (ARRAY[${stages.map((s) => `'${s}'`).join(',')}])[1 + floor((sqrt(8 * (i % 28) + 1) - 1) / 2)::int],
       current_date - (i % 200), current_date - (i % 400),
       CASE WHEN i % 50 = 0 THEN NULL ELSE 'ref-' || (i % 12) END,
       CASE WHEN i % 3 = 0 THEN 'avdl-generic' ELSE 'asll-departement-x' END,
       CASE WHEN i % 3 = 0 THEN 'conv-avdl' ELSE 'conv-asll' END,
       'landlord', 'Bailleur ' || (i % 20), NULL, i % 37 = 0,
       'point', current_date + ((i % 90) - 30), NULL
     FROM generate_series(1, $1::int) AS i`,
    [n],
  );
  await db.query(`DELETE FROM ${CASELOAD_COUNTS_TABLE}`);
  await db.query(`INSERT INTO ${CASELOAD_COUNTS_TABLE} (stage, referent_id, n) SELECT stage, coalesce(referent_id, ''), count(*) FROM ${CASELOAD_TABLE} GROUP BY 1, 2`);
}

async function scalePart(browser: Browser): Promise<void> {
  const running = await startEmbedded();
  try {
    await caughtUp(running.baseUrl);
    await fillCaseload(running.app.get<ProjectionDatabase>(PROJECTIONS_DATABASE), TRAJECTORIES);
    const coordinator = await tokenFor(running, DEMO_PEOPLE.coordinator);
    const api = await apiTimes(`${running.baseUrl}/caseload?stage=diagnostic&limit=50&offset=0`, coordinator);
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/connexion#token=${coordinator}`);
    const caption = page.locator('table.list caption');
    await caption.waitFor();
    const total = await caption.textContent();
    const cycle = ['diagnostic', 'briques', 'saisine', 'veille', 'contract', 'relais', 'evaluation'];
    const changes: number[] = [];
    let previous = total ?? '';
    for (let i = 0; i < CHANGES + 2; i++) {
      const stage = cycle[i % cycle.length];
      const t = performance.now();
      await page.getByLabel('Étape').selectOption(stage);
      // Shown: the caption (the count of the new answer) is no longer the previous one.
      // (A function, not a string: the app's CSP refuses eval, string predicates included.)
      await page.waitForFunction(
        (before) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('table.list caption')?.textContent !== before,
        previous,
      );
      const elapsed = performance.now() - t;
      previous = (await caption.textContent()) ?? '';
      if (i >= 2) changes.push(elapsed);
    }
    await context.close();
    process.stdout.write(`2. ${TRAJECTORIES.toLocaleString('en-US')} trajectories in the caseload (${total}), embedded store — load average ${load()}\n`);
    process.stdout.write(`   baseline GET /caseload?stage=diagnostic (50 rows): p50 ${fmt(median(api), 1)} ms, max ${fmt(max(api), 1)} ms\n`);
    process.stdout.write(`   filter change on the page (stage select -> new table), ${changes.length} changes: median ${fmt(median(changes))} ms, max ${fmt(max(changes))} ms (target < ${TARGET.filterChangeMs} ms: ${verdict(median(changes) < TARGET.filterChangeMs)})\n`);
  } finally {
    await stop(running);
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`no web app built in ${WEB_DIR}: npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or CHROMIUM_PATH)`);
  process.stdout.write(`bench:web — ${new Date().toISOString()}, ${LOADS} loads, ${CHANGES} filter changes, load average ${load()}\n`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    await demoPart(browser);
    await scalePart(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
