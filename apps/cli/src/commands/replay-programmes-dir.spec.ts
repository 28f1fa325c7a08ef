jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadCatalogue } from '../../../../libs/catalogue/src';
import { FixedClock, trajectoryStreamId } from '../../../../libs/domain/src';
import { PgliteSqlDatabase } from '../../../../libs/event-store/src/sql/pglite-sql-database';
import { SqlEventStore } from '../../../../libs/event-store/src/sql-store/sql-event-store.adapter';
import { createTrajectoryRunner } from '../../../../workflows/trajectory/src';
import * as cmd from '../../../../workflows/trajectory/src/testing/command-fixtures';
import { directAuditStore } from '../audit-store';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { replayCommand } from './replay.command';

/**
 * Issue 17 §1: the CLI reads PROGRAMMES_DIR with the same loader as the API and the worker, so a
 * trajectory under a programme whose brique is declared in JSON (and runs during the diagnostic) replays.
 */
const EXAMPLE_DIR = join(__dirname, '..', '..', '..', '..', 'workflows', 'programmes', 'examples', 'national-pre-lease');

let pglite: PGlite;
let store: SqlEventStore;
let db: PgliteSqlDatabase;
const id = randomUUID();
const clock = new FixedClock('2026-01-05T09:00:00Z');

beforeAll(async () => {
  pglite = await PGlite.create();
  db = await PgliteSqlDatabase.create({ pglite, schema: 'cli_programmes_dir' });
  store = await SqlEventStore.open(db, { clock });
  const catalogue = await loadCatalogue(EXAMPLE_DIR);
  const runner = createTrajectoryRunner({ store, ...catalogue, clock, ids: { next: () => randomUUID() } });
  const steps = [
    { at: '2026-01-05', actor: { id: 'secretary-1', role: 'secretary' }, command: cmd.receiveSaisine({ programmeCode: 'logement-d-abord-national' }) },
    { at: '2026-01-06', actor: { id: 'coordinator-1', role: 'coordinator' }, command: cmd.assignReferent() },
    { at: '2026-01-07', actor: { id: 'referent-2', role: 'referent' }, command: cmd.recordFirstContact() },
    { at: '2026-01-08', actor: { id: 'referent-2', role: 'referent' }, command: cmd.startBrique({ code: 'pre-attribution', details: { committeeOn: '2026-03-10' } }) },
  ];
  for (const step of steps) {
    clock.set(new Date(`${step.at}T10:00:00Z`));
    await runner.run(trajectoryStreamId(id), { type: step.command.type, payload: step.command.payload }, { actor: step.actor as never, occurredAt: step.at, correlationId: randomUUID() });
  }
}, 60_000);
afterAll(async () => {
  await pglite?.close();
});

const commands = () => [replayCommand({ openStore: async () => directAuditStore({ store, db, description: 'pglite (test)' }), loadCatalogue: (env) => loadCatalogue(env.PROGRAMMES_DIR) })];

it('refuses a PROGRAMMES_DIR whose programme allows a brique no briques/ file declares', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'programmes-'));
  try {
    copyFileSync(join(EXAMPLE_DIR, 'logement-d-abord-national.json'), join(dir, 'logement-d-abord-national.json'));
    const io = capturedIo({ PROGRAMMES_DIR: dir });
    expect(await runCli(['replay', id], commands(), io)).not.toBe(0);
    expect(io.stderr).toContain('is not a registered brique (pre-attribution)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('replays a trajectory whose brique is declared in PROGRAMMES_DIR/briques', async () => {
  const io = capturedIo({ PROGRAMMES_DIR: EXAMPLE_DIR });
  expect(await runCli(['replay', id], commands(), io)).toBe(0);
  expect(io.stdout).toMatch(/#4 {2}BriqueStarted .*\n {6}-> stage diagnostic/);
  expect(io.stdout).toContain('programme logement-d-abord-national');
});
