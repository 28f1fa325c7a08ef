jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { FixedClock, hasControlCharacter, trajectoryStreamId } from '../../../../libs/domain/src';
import { PgliteSqlDatabase } from '../../../../libs/event-store/src/sql/pglite-sql-database';
import { SqlEventStore } from '../../../../libs/event-store/src/sql-store/sql-event-store.adapter';
import { createTrajectoryRunner } from '../../../../workflows/trajectory/src';
import * as cmd from '../../../../workflows/trajectory/src/testing/command-fixtures';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { directAuditStore } from '../audit-store';
import { replayCommand } from './replay.command';

/**
 * Events written before the API checked token subjects (or by another writer) may carry an actor id
 * with terminal escapes. The auditor's replay must show them, not let them repaint the screen.
 */
describe('cli replay of an actor id with control characters', () => {
  let pglite: PGlite;
  let store: SqlEventStore;
  const id = randomUUID();
  const clock = new FixedClock('2026-01-05T10:00:00Z');
  const hostile = { id: 'referent-1\u001b[2K\u001b[1A\rreferent-9', role: 'secretary' };

  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await SqlEventStore.open(await PgliteSqlDatabase.create({ pglite, schema: 'cli_escape' }), { clock });
    const runner = createTrajectoryRunner({ store, ...testDeps(), clock, ids: { next: () => randomUUID() } });
    const saisine = cmd.receiveSaisine();
    await runner.run(trajectoryStreamId(id), { type: saisine.type, payload: saisine.payload }, { actor: hostile as never, occurredAt: '2026-01-05' });
  }, 60_000);
  afterAll(() => pglite?.close());

  const commands = () => [replayCommand({ openStore: async () => directAuditStore({ store, description: 'pglite (test)' }), loadCatalogue: async () => testDeps() })];

  it('prints the id with each control character as \\uXXXX, in text and in JSON', async () => {
    const io = capturedIo();
    expect(await runCli(['replay', id], commands(), io)).toBe(0);
    expect(io.stdout).toContain('by referent-1\\u001b[2K\\u001b[1A\\u000dreferent-9 (secretary)');
    expect(io.stdout.split('\n').filter(hasControlCharacter)).toEqual([]);

    const json = capturedIo();
    expect(await runCli(['replay', id, '--json'], commands(), json)).toBe(0);
    expect(json.stdout.split('\n').filter(hasControlCharacter)).toEqual([]);
    expect(JSON.parse(json.stdout).entries[0].actor.id).toBe(hostile.id);
  });
});
