import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MemoryEventStore } from '../../../../projections/core/testing/memory-event.store';
import { DATABASE_URL, postgresTestDatabase, type TestDatabase } from '../../../../projections/core/testing/test-database';
import type { FeedRecord } from '../../../../projections/feeds/feed-record';
import { readFeedAfter } from '../../../../projections/feeds/feed.queries';
import { projectFeedToEnd } from '../../../../projections/feeds/testing/project-feed';
import { appendConvention, appendJourney } from '../../../../projections/feeds/testing/feed-fixtures';
import { personalDataFor, TrajectoryJourney } from '../../../../projections/feeds/testing/trajectory-journey';
import { SqlRelayPositionStore } from './sql-relay-position.store';
import { readPublished } from './testing/file-feed';
import { sampleRecords } from './testing/memory-feed';

const CHILD = join(__dirname, 'testing', 'relay-child.ts');
const REGISTER = join(__dirname, 'testing', 'swc-register.js');

interface ChildRun {
  /** "published <call> <last sequence>" lines, in order. */
  published: { call: number; last: number }[];
  exit: { code: number | null; signal: NodeJS.Signals | null };
  stderr: string;
}

/**
 * Runs the relay in a child process. With stopAfter=n the child stops after its n-th acknowledged
 * batch, before storing the position; the parent then kills it with SIGKILL: no handler, no cleanup.
 */
function runChild(dir: string, kind: 'file' | 'sql', stopAfter: number, env: Record<string, string> = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, CHILD, dir, kind], {
      env: { ...process.env, ...env, STOP_AFTER_PUBLISH: String(stopAfter) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { published: [], exit: { code: null, signal: null }, stderr: '' };
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^published (\d+) (\d+)$/.exec(line);
      if (!m) return;
      run.published.push({ call: Number(m[1]), last: Number(m[2]) });
      if (Number(m[1]) === stopAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      run.exit = { code, signal };
      resolve(run);
    });
  });
}

const recordIds = (records: readonly FeedRecord[]) => records.map((r) => r.recordId);
const unique = (records: readonly FeedRecord[]) => [...new Map(records.map((r) => [r.recordId, r])).values()];

describe('feed relay killed with SIGKILL between publish and position (file sink)', () => {
  it('repeats the unacknowledged batch after a restart and loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
    const records = sampleRecords(45);
    writeFileSync(join(dir, 'records.json'), JSON.stringify(records));

    const killed = await runChild(dir, 'file', 3);
    expect(killed.exit.signal).toBe('SIGKILL');
    expect(killed.published.map((p) => p.last)).toEqual([10, 20, 30]);
    // Batch 3 reached the sink, its position did not reach the disk.
    expect(readFileSync(join(dir, 'position'), 'utf8')).toBe('20');
    expect(readPublished(join(dir, 'published.jsonl'))).toHaveLength(30);

    const restarted = await runChild(dir, 'file', 0);
    expect(restarted.exit).toEqual({ code: 0, signal: null });
    expect(restarted.published.map((p) => p.last)).toEqual([30, 40, 45]);

    const published = readPublished(join(dir, 'published.jsonl'));
    expect(published).toHaveLength(55);
    expect(recordIds(unique(published))).toEqual(recordIds(records));
    const repeated = published.length - unique(published).length;
    expect(repeated).toBe(10);
    expect(readFileSync(join(dir, 'position'), 'utf8')).toBe('45');
  });

  it('survives a kill in every run until the feed is drained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
    const records = sampleRecords(37);
    writeFileSync(join(dir, 'records.json'), JSON.stringify(records));
    let kills = 0;
    for (;;) {
      const run = await runChild(dir, 'file', 2, { BATCH_SIZE: '4' });
      if (run.exit.signal !== 'SIGKILL') {
        expect(run.exit.code).toBe(0);
        break;
      }
      kills++;
      expect(kills).toBeLessThan(20);
    }
    expect(kills).toBeGreaterThanOrEqual(4);
    const published = readPublished(join(dir, 'published.jsonl'));
    expect(recordIds(unique(published))).toEqual(recordIds(records));
    expect(published.length).toBeGreaterThan(records.length);
  });
});

const withPostgres = DATABASE_URL ? describe : describe.skip;

withPostgres(`feed relay killed with SIGKILL, reading the real feed table (PostgreSQL${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'})`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await postgresTestDatabase('relay_crash');
    const store = new MemoryEventStore();
    await appendConvention(store, { id: 'conv-1', funders: ['caf-x', 'departement-x'] });
    for (let i = 0; i < 4; i++) {
      const journey = TrajectoryJourney.full('conv-1', personalDataFor(i));
      await appendJourney(store, journey);
    }
    await projectFeedToEnd(store, db);
    await new SqlRelayPositionStore(db).migrate();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('publishes every record of the table at least once across a kill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-crash-sql-'));
    const env = { DATABASE_URL: DATABASE_URL ?? '', FEED_SCHEMA: db.schema ?? '', BATCH_SIZE: '25' };
    const killed = await runChild(dir, 'sql', 2, env);
    expect(killed.exit.signal).toBe('SIGKILL');
    const stored = await new SqlRelayPositionStore(db).load('crash-test');
    expect(stored).toBe(killed.published[0].last);

    const restarted = await runChild(dir, 'sql', 0, env);
    expect(restarted.exit).toEqual({ code: 0, signal: null });
    const table = await readFeedAfter(db, 0n, 1000);
    const published = readPublished(join(dir, 'published.jsonl'));
    expect(recordIds(unique(published))).toEqual(recordIds(table));
    expect(published.length - table.length).toBe(25);
  });
});
