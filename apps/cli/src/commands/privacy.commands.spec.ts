jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../api/src/store/open-store';
import { EncryptingEventStore, generateMasterKey, SqlKeyStore } from '../../../../libs/crypto/src';
import { FixedClock } from '../../../../libs/domain/src';
import { SqlEventStore, type NewEvent } from '../../../../libs/event-store/src';
import { openProjectionRuntime } from '../../../../projections/core/open-projection-runtime';
import { InProcessLock } from '../../../../projections/core/projection.lock';
import type { ProjectionRuntime } from '../../../../projections/core/projection-runtime';
import { storeMigrator } from '../../../../projections/core/store.migrator';
import { pgliteTestDatabase, type TestDatabase } from '../../../../projections/core/testing/test-database';
import { TrajectoryJourney } from '../../../../projections/core/trajectory-events.builder';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { retentionCommand } from './retention.command';
import { rotateMasterKeyCommand } from './rotate-master-key.command';

const clock = new FixedClock('2026-02-01T10:00:00Z');
const note = (householdId: string, text: string): NewEvent => ({
  id: randomUUID(),
  type: 'NoteRecorded',
  data: { category: 'note', personal: { text } },
  metadata: { householdId, occurredAt: '2026-01-10' },
});

describe('rotate-master-key on the embedded store (DATA_DIR)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rotate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rewraps every live key under a new key kept in DATA_DIR; events are byte-identical and still decrypt', async () => {
    const live = randomUUID();
    const erased = randomUUID();
    const first = await openStore({ dataDir: dir }, clock);
    await first.store.append(`trajectory-${randomUUID()}`, [note(live, 'Carnet de Philibert')]);
    await first.store.append(`trajectory-${randomUUID()}`, [note(erased, 'Carnet de Ursule')]);
    await (first.store as EncryptingEventStore).keyStore.destroy(erased, 'household-request');
    const rows = (db: NonNullable<typeof first.database>) =>
      db.query(`SELECT global_position, stream_id, data::text AS data, metadata::text AS metadata, hash FROM events ORDER BY global_position`).then((r) => r.rows);
    const before = await rows(first.database!);
    await first.close();
    const k1 = readFileSync(join(dir, 'master-key'), 'utf8');

    const commands = [rotateMasterKeyCommand({ openRuntime: openProjectionRuntime })];
    const rotated = capturedIo({ DATA_DIR: dir });
    expect(await runCli(['rotate-master-key'], commands, rotated)).toBe(0);
    expect(rotated.stdout).toMatch(/rewrapped 1 household data key\(s\) under master key k2 \(before: 1 under k1\); no event was read or written/);
    expect(readFileSync(join(dir, 'master-key'), 'utf8')).toMatch(/^k2:/);
    expect(readFileSync(join(dir, 'master-key.previous'), 'utf8')).toContain(k1.trim());

    const status = capturedIo({ DATA_DIR: dir });
    expect(await runCli(['rotate-master-key', '--status'], commands, status)).toBe(0);
    expect(status.stdout).toContain('  k2: 1 household data key(s), current\n');
    expect(status.stdout).toContain('  k1: wraps no data key any more: it can be retired\n');

    const again = await openStore({ dataDir: dir }, clock);
    try {
      expect(await rows(again.database!)).toEqual(before);
      const read = await again.store.readAll();
      expect(read.map((e) => (e.data as { personal: unknown }).personal)).toEqual([{ text: 'Carnet de Philibert' }, { $erased: true }]);
      expect(await again.store.verifyStream(read[0].streamId)).toMatchObject({ ok: true });
    } finally {
      await again.close();
    }
    // Four PGlite opens on disk: a shared machine under load needs more than the default minute.
  }, 180_000);

  it('never invents a key for a server store, and prints one with --generate', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', MASTER_KEY: `k4:${generateMasterKey('k4').key.toString('base64')}` };
    const commands = [rotateMasterKeyCommand({ openRuntime: () => Promise.reject(new Error('must not open the store')) })];
    const io = capturedIo(env);
    expect(await runCli(['rotate-master-key'], commands, io)).toBe(1);
    expect(io.stderr).toMatch(/MASTER_KEY_NEXT is not set[\s\S]*MASTER_KEY_NEXT=k5:[A-Za-z0-9+/]{43}=/);
    const generated = capturedIo(env);
    expect(await runCli(['rotate-master-key', '--generate'], commands, generated)).toBe(0);
    expect(generated.stdout).toMatch(/^k5:[A-Za-z0-9+/]{43}=\n$/);
    const malformed = capturedIo({ ...env, MASTER_KEY_NEXT: 'k5:short' });
    expect(await runCli(['rotate-master-key'], commands, malformed)).toBe(1);
    expect(malformed.stderr).toMatch(/MASTER_KEY_NEXT is malformed/);
  });
});

describe('retention [--dry-run] (FixedClock)', () => {
  let db: TestDatabase;
  let runtime: ProjectionRuntime;
  const expired = randomUUID();
  const kept = randomUUID();
  const retentionClock = new FixedClock('2026-03-01T08:00:00Z');

  beforeAll(async () => {
    db = await pgliteTestDatabase();
    const store = await SqlEventStore.open(db, { clock: retentionClock });
    runtime = { store, db, lock: new InProcessLock(), migrator: storeMigrator, description: 'pglite (test)', close: async () => undefined };
    const writer = new EncryptingEventStore(store, await SqlKeyStore.open(db, { current: generateMasterKey('k1') }));
    for (const [j, h] of [
      [new TrajectoryJourney({ householdId: expired }).saisine('2023-05-02').withdraw('2024-02-10', 'saisine'), expired],
      [new TrajectoryJourney({ householdId: kept }).saisine('2024-05-02').withdraw('2024-06-10', 'saisine'), kept],
    ] as const) {
      await writer.append(j.streamId, j.events.map((e) => ({ ...e, metadata: { ...e.metadata, householdId: h } })));
    }
  });
  afterAll(() => db.close());

  const commands = () => [retentionCommand({ openRuntime: async () => runtime, loadCatalogue: async () => testDeps(), clock: retentionClock, readyTimeoutMs: 30_000 })];

  it('lists who would be erased and why, changing nothing', async () => {
    const io = capturedIo({ DATABASE_URL: 'unused: the runtime is injected' });
    expect(await runCli(['retention', '--dry-run'], commands(), io)).toBe(0);
    expect(io.stdout).toContain('1 household(s) past their retention period on 2026-03-01 (dry run: nothing erased)');
    expect(io.stdout).toContain(`  household ${expired}: last contact 2024-02-10 + 24 months (asll-test) = expired on 2026-02-10, 1 trajectory(ies)\n`);
    expect(io.stdout).not.toContain(kept);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM household_keys WHERE destroyed_at IS NOT NULL`);
    expect(rows[0].n).toBe(0);
  });

  it('erases them with a progress line, once', async () => {
    const io = capturedIo({ DATABASE_URL: 'unused' });
    expect(await runCli(['retention'], commands(), io)).toBe(0);
    expect(io.stdout).toContain(`[1/1] household ${expired} erased (last contact 2024-02-10 + 24 months (asll-test) = expired on 2026-02-10)\n`);
    expect(io.stdout).toContain('1 household(s) erased, 0 failed');
    const again = capturedIo({ DATABASE_URL: 'unused' });
    expect(await runCli(['retention', '--dry-run'], commands(), again)).toBe(0);
    expect(again.stdout).toContain('0 household(s) past their retention period');
    const { rows } = await db.query<{ household_id: string }>(`SELECT household_id FROM household_keys WHERE destroyed_at IS NOT NULL`);
    expect(rows).toEqual([{ household_id: expired }]);
  });
});
