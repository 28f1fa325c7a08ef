jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { FixedClock, trajectoryStreamId } from '../../../../libs/domain/src';
import { PgliteSqlDatabase } from '../../../../libs/event-store/src/sql/pglite-sql-database';
import { PgSqlDatabase } from '../../../../libs/event-store/src/sql/pg-sql-database';
import { SqlEventStore } from '../../../../libs/event-store/src/sql-store/sql-event-store.adapter';
import { createTrajectoryRunner } from '../../../../workflows/trajectory/src';
import * as cmd from '../../../../workflows/trajectory/src/testing/command-fixtures';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { directAuditStore, type AuditStore } from '../audit-store';
import { runCli } from '../cli';
import { openAuditStore } from '../open-audit-store';
import { capturedIo } from '../testing/captured-io';
import { replayCommand } from './replay.command';
import { verifyCommand } from './verify.command';

/**
 * The auditor commands on the real SQL store (PGlite): trajectories written through the workflow
 * engine, then rows altered behind the store's back with plain SQL, as an intruder with database
 * access would.
 */
let pglite: PGlite;
let db: PgliteSqlDatabase;
let store: SqlEventStore;
const clock = new FixedClock('2026-01-05T09:00:00Z');
let closes = 0;

const opened = (): Promise<AuditStore> => Promise.resolve(directAuditStore({ store, db, description: 'pglite (test)', close: async () => void closes++ }));
const commands = () => [
  replayCommand({ openStore: opened, loadCatalogue: async () => testDeps() }),
  verifyCommand({ openStore: opened, progressEvery: 2 }),
];

async function record(id: string, steps: { at: string; actor: { id: string; role: string }; command: cmd.WhenCommand }[]): Promise<void> {
  const runner = createTrajectoryRunner({ store, ...testDeps(), clock, ids: { next: () => randomUUID() } });
  for (const step of steps) {
    clock.set(new Date(`${step.at}T10:00:00Z`));
    await runner.run(trajectoryStreamId(id), { type: step.command.type, payload: step.command.payload }, {
      actor: step.actor as never,
      occurredAt: step.command.occurredAt ?? step.at,
      correlationId: randomUUID(),
    });
  }
}

const SECRETARY = { id: 'secretary-1', role: 'secretary' };
const COORDINATOR = { id: 'coordinator-1', role: 'coordinator' };
const REFERENT = { id: 'referent-2', role: 'referent' };
const intact = randomUUID();
const altered = randomUUID();
const alteredToo = randomUUID();

beforeAll(async () => {
  pglite = await PGlite.create();
  db = await PgliteSqlDatabase.create({ pglite, schema: 'cli_audit' });
  store = await SqlEventStore.open(db, { clock });
  const journey = (late = false) => [
    { at: '2026-01-05', actor: SECRETARY, command: cmd.receiveSaisine() },
    { at: '2026-01-06', actor: COORDINATOR, command: cmd.assignReferent() },
    // Recorded on the 14th about a contact on the 12th: business date and recorded date differ.
    { at: late ? '2026-01-14' : '2026-01-12', actor: REFERENT, command: cmd.recordFirstContact({ occurredAt: '2026-01-12' }) },
    { at: '2026-01-20', actor: REFERENT, command: cmd.recordNote() },
  ];
  await record(intact, journey(true));
  await record(altered, journey());
  await record(alteredToo, journey());
  // The intruder rewrites what a note said, and another trajectory's referent.
  await db.query(`UPDATE events SET data = jsonb_set(data, '{personal,text}', '"nothing happened"') WHERE stream_id = $1 AND version = 4`, [trajectoryStreamId(altered)]);
  await db.query(`UPDATE events SET data = jsonb_set(data, '{referentId}', '"referent-9"') WHERE stream_id = $1 AND version = 2`, [trajectoryStreamId(alteredToo)]);
}, 60_000);

afterAll(async () => {
  await pglite?.close();
});

describe('cli replay', () => {
  it('prints who did what, the business and recorded dates, and the state after each event', async () => {
    const io = capturedIo();
    expect(await runCli(['replay', intact], commands(), io)).toBe(0);
    const out = io.stdout;
    expect(out).toContain(`trajectory ${intact} (store: pglite (test), workflow v1, 4 events)`);
    expect(out).toContain('hash chain: intact (4 events checked)');
    expect(out).toMatch(/#1 {2}SaisineReceived {2}occurred 2026-01-05 {2}recorded 2026-01-05T10:00:00.000Z {2}by secretary-1 \(secretary\)\n {6}-> stage saisine · programme asll-test · convention conv-2026/);
    expect(out).toMatch(/#2 {2}ReferentAssigned .* by coordinator-1 \(coordinator\)\n {6}-> stage saisine · referent referent-2/);
    expect(out).toMatch(/#3 {2}FirstContactRecorded {2}occurred 2026-01-12 {2}recorded 2026-01-14T10:00:00.000Z {2}by referent-2 \(referent\)\n {6}-> stage diagnostic/);
    expect(out).toMatch(/#4 {2}NoteRecorded .*\n {6}-> stage diagnostic/);
    expect(out).toContain('now: stage diagnostic');
    // The case as recorded, not its personal data.
    expect(out).not.toMatch(/Durand|Appel du bailleur/);
  });

  it('shows the case as the service knew it at an instant (--at), and as JSON', async () => {
    const io = capturedIo();
    expect(await runCli(['replay', `trajectory-${intact}`, '--at', '2026-01-13T00:00:00Z'], commands(), io)).toBe(0);
    expect(io.stdout).toContain('as recorded at or before 2026-01-13T00:00:00.000Z: 2 of 4 events');
    expect(io.stdout).not.toContain('FirstContactRecorded');
    expect(io.stdout).toContain('at 2026-01-13T00:00:00.000Z: stage saisine');

    const json = capturedIo();
    expect(await runCli(['replay', intact, '--json'], commands(), json)).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.entries.map((e: { type: string; actor: { role: string }; state: { stage: string } }) => [e.type, e.actor.role, e.state.stage])).toEqual([
      ['SaisineReceived', 'secretary', 'saisine'],
      ['ReferentAssigned', 'coordinator', 'saisine'],
      ['FirstContactRecorded', 'referent', 'diagnostic'],
      ['NoteRecorded', 'referent', 'diagnostic'],
    ]);
    expect(parsed.chain).toMatchObject({ ok: true, eventsChecked: 4 });
  });

  it('shows the case as it stood on a business date (--as-of), whenever its events were recorded', async () => {
    // The first contact dated the 12th was recorded on the 14th: --at the 13th misses it, --as-of the 12th has it.
    const io = capturedIo();
    expect(await runCli(['replay', intact, '--as-of', '2026-01-12'], commands(), io)).toBe(0);
    expect(io.stdout).toContain('as of 2026-01-12 by business date: 3 of 4 events');
    expect(io.stdout).toMatch(/#3 {2}FirstContactRecorded {2}occurred 2026-01-12 {2}recorded 2026-01-14T10:00:00.000Z/);
    expect(io.stdout).not.toContain('NoteRecorded');
    expect(io.stdout).toContain('as of 2026-01-12: stage diagnostic');

    const json = capturedIo();
    expect(await runCli(['replay', intact, '--as-of', '2026-01-12', '--json'], commands(), json)).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ asOf: '2026-01-12', selectedBy: 'occurredAt', notApplied: [] });
    expect(parsed.entries.map((e: { version: number }) => e.version)).toEqual([1, 2, 3]);

    const before = capturedIo();
    expect(await runCli(['replay', intact, '--as-of', '2026-01-04'], commands(), before)).toBe(1);
    expect(before.stderr).toContain('had not opened yet on 2026-01-04');
    for (const bad of [['--as-of', '2026-02-30'], ['--as-of'], ['--as-of', '2026-01-12', '--at', '2026-01-13T00:00:00Z']]) {
      const refused = capturedIo();
      expect(await runCli(['replay', intact, ...bad], commands(), refused)).not.toBe(0);
      expect(refused.stderr).toMatch(/--as-of|--at/);
    }
  });

  it('warns and exits 1 on an altered trajectory; refuses unknown ids and bad arguments', async () => {
    const io = capturedIo();
    expect(await runCli(['replay', altered], commands(), io)).toBe(1);
    expect(io.stdout).toMatch(/hash chain: ALTERED from event #4/);

    const unknown = capturedIo();
    expect(await runCli(['replay', randomUUID()], commands(), unknown)).toBe(1);
    expect(unknown.stderr).toMatch(/there is no trajectory/);
    const early = capturedIo();
    expect(await runCli(['replay', intact, '--at', '2025-12-31T00:00:00Z'], commands(), early)).toBe(1);
    expect(early.stderr).toMatch(/did not exist yet/);
    expect(await runCli(['replay', 'not-a-uuid'], commands(), capturedIo())).toBe(2);
    expect(await runCli(['replay', intact, '--at', 'yesterday'], commands(), capturedIo())).toBe(2);
  });
});

describe('cli verify', () => {
  it('checks every stream with progress, lists the altered ones and exits 1', async () => {
    const io = capturedIo();
    const before = closes;
    expect(await runCli(['verify', '--all'], commands(), io)).toBe(1);
    expect(io.stdout).toContain('verified 2 / 3 streams');
    expect(io.stdout).toContain('verified 3 / 3 streams, 10 events checked, 2 altered');
    expect(io.stdout).toMatch(new RegExp(`ALTERED trajectory-${altered}: event #4 \\(`));
    expect(io.stdout).toMatch(new RegExp(`ALTERED trajectory-${alteredToo}: event #2 \\(`));
    expect(io.stdout).not.toContain(`ALTERED trajectory-${intact}`);
    expect(io.stdout).toContain('2 altered streams out of 3');
    expect(closes).toBe(before + 1);
  });

  it('exits 0 when every stream asked for is intact, and rewrites one progress line on a terminal', async () => {
    const io = capturedIo({}, true);
    expect(await runCli(['verify', intact], commands(), io)).toBe(0);
    expect(io.stdout).toContain('\rverified 1 / 1 streams, 4 events checked, 0 altered');
    expect(io.stdout).toContain('all 1 streams intact');
  });

  it('reports a trajectory that does not exist, and refuses bad usage', async () => {
    const io = capturedIo();
    const missing = randomUUID();
    expect(await runCli(['verify', missing], commands(), io)).toBe(1);
    expect(io.stdout).toContain(`MISSING trajectory-${missing}`);
    expect(await runCli(['verify'], commands(), capturedIo())).toBe(2);
    expect(await runCli(['verify', '--all', intact], commands(), capturedIo())).toBe(2);
  });
});

describe('cli verify never says "all clear" on the wrong store', () => {
  it('reports an empty store as such (exit 1) unless --allow-empty', async () => {
    const emptyDb = await PgliteSqlDatabase.create({ pglite, schema: 'cli_audit_empty' });
    const emptyStore = await SqlEventStore.open(emptyDb, { clock });
    const empty = () => [verifyCommand({ openStore: async () => directAuditStore({ store: emptyStore, db: emptyDb, description: 'pglite (empty)' }) })];
    const io = capturedIo();
    expect(await runCli(['verify', '--all'], empty(), io)).toBe(1);
    expect(io.stdout).toContain('the store is EMPTY: no event is stored in pglite (empty)');
    expect(io.stderr).toMatch(/is this the store you meant .*--allow-empty/);
    const allowed = capturedIo();
    expect(await runCli(['verify', '--all', '--allow-empty'], empty(), allowed)).toBe(0);
  });

  it('does not create a store that does not exist: a DATA_DIR without one is an error, and stays absent', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cli-verify-'));
    try {
      const io = capturedIo({ DATA_DIR: join(parent, 'data') });
      expect(await runCli(['verify', '--all'], [verifyCommand({ openStore: openAuditStore })], io)).toBe(1);
      expect(io.stderr).toMatch(/There is no embedded store in .*data/);
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  (process.env.DATABASE_URL ? it : it.skip)('does not create the event tables in a PostgreSQL schema that has none', async () => {
    const schema = `cli_missing_${process.pid}`;
    const io = capturedIo({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema });
    expect(await runCli(['verify', '--all'], [verifyCommand({ openStore: openAuditStore })], io)).toBe(1);
    expect(io.stderr).toMatch(/There is no event store in postgres .*schema cli_missing/);
    const probe = new PgSqlDatabase({ connectionString: process.env.DATABASE_URL ?? '', schema: 'public', max: 1 });
    const { rows } = await probe.query<{ n: string }>(`SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = $1`, [schema]);
    await probe.close();
    expect(rows[0].n).toBe('0');
  });

  it('reports stored rows no stream points at as altered, though every chain is intact', async () => {
    await db.query(
      `INSERT INTO events (stream_id, version, id, type, schema_version, data, metadata, hash, tx_id)
       SELECT 'trajectory-00000000-0000-4000-8000-0000000000aa', 1, gen_random_uuid(), type, schema_version, data, metadata, hash, tx_id
         FROM events WHERE stream_id = $1 AND version = 1`,
      [trajectoryStreamId(intact)],
    );
    const io = capturedIo();
    expect(await runCli(['verify', '--all'], commands(), io)).toBe(1);
    expect(io.stdout).toContain('ALTERED storage (orphan-events): 1 stored event(s) of trajectory-00000000-0000-4000-8000-0000000000aa, a stream the streams table does not know');
    expect(io.stdout).toMatch(/2 altered streams out of 3, 13 stored events checked row by row: 1 problem\n/);
  });
});
