import { runCli } from '../../apps/cli/src/cli';
import type { CliIo } from '../../apps/cli/src/cli-command';
import { rebuildCommand } from '../../apps/cli/src/commands/rebuild.command';
import { ProjectionHost } from '../../projections/core/projection.host';
import { InProcessLock } from '../../projections/core/projection.lock';
import { storeMigrator } from '../../projections/core/store.migrator';
import { endOfLog } from '../../projections/core/testing/end-of-log';
import { dumpProjection } from '../../projections/core/testing/projection-dump';
import { generateJourneys } from '../../projections/core/testing/random-journeys';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../../projections/core/testing/test-database';
import { createConvention } from '../../projections/funder/convention.commands';
import { builtInProjections } from '../../projections/projections.catalogue';
import { FixedClock } from '../../libs/domain/src';
import { SqlEventStore } from '../../libs/event-store/src';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('rebuild_e2e')]);

describe.each(backends)('rebuild gives exactly the tables the live runners built (%s)', (_kind, open) => {
  let db: TestDatabase;
  let store: SqlEventStore;
  let host: ProjectionHost | undefined;
  const lock = new InProcessLock();

  beforeAll(async () => {
    db = await open();
    store = await SqlEventStore.open(db);
  });
  afterAll(async () => {
    await host?.stop();
    await store?.close();
    await db?.close();
  });

  it('replays 250 journeys generated through the workflow engine into identical tables', async () => {
    const journeys = generateJourneys({ count: 250, seed: 20261123, conventions: ['conv-asll', 'conv-gla', undefined] });
    const clock = new FixedClock('2026-01-01T10:00:00Z');
    const admin = { id: 'admin-1', role: 'admin' };
    await createConvention(store, { funder: 'departement-x', programme: 'asll-test', year: 2026, prices: { perDiagnosticCents: 15000, perMonthCents: 19000 }, yearlyCapCents: 4000000 }, { actor: admin, clock, id: 'conv-asll' });
    await createConvention(store, { funder: 'departement-x', programme: 'gla-test', year: 2026, prices: { perDwellingYearCents: 120000 }, yearlyCapCents: 9000000 }, { actor: admin, clock, id: 'conv-gla' });

    // Live: runners follow while the journeys are appended a few events at a time, interleaved, so
    // batch boundaries fall anywhere inside trajectories.
    host = new ProjectionHost({ store, db, lock, migrator: storeMigrator, projections: builtInProjections(), batchSize: 37, idleMs: 5 });
    host.start();
    const cursors = journeys.map(() => 0);
    for (let round = 0; cursors.some((c, i) => c < journeys[i].events.length); round++) {
      for (let i = 0; i < journeys.length; i++) {
        const take = 2 + ((round + i) % 5);
        const slice = journeys[i].events.slice(cursors[i], cursors[i] + take);
        if (slice.length === 0) continue;
        await store.append(journeys[i].streamId, slice);
        cursors[i] += slice.length;
      }
      if (round % 3 === 0) host.wake();
    }
    await host.waitFor(await endOfLog(db), host.runners.map((r) => r.name), 120_000);
    await host.stop();
    const total = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
    expect(total).toBeGreaterThan(2000);

    const live: Record<string, Record<string, string[]>> = {};
    for (const p of builtInProjections()) live[p.name] = await dumpProjection(db, p);
    expect(live.caseload.caseload_trajectories).toHaveLength(250);
    expect(live.funder.funder_conventions).toHaveLength(2);

    const io: CliIo = { out: () => undefined, err: (t) => process.stderr.write(t), env: {}, interactive: false };
    const runtime = async () => ({ store, db, lock, migrator: storeMigrator, description: 'test', close: async () => undefined });
    expect(await runCli(['rebuild', '--all', '--batch-size', '500'], [rebuildCommand({ openRuntime: runtime, projections: builtInProjections })], io)).toBe(0);

    for (const p of builtInProjections()) {
      const rebuilt = await dumpProjection(db, p);
      for (const table of p.tables) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[p.name][table] });
    }
    const { rows } = await db.query<{ name: string; events_applied: string }>('SELECT name, events_applied FROM projection_checkpoints ORDER BY name');
    expect(rows.map((r) => [r.name, Number(r.events_applied)])).toEqual(builtInProjections().map((p) => [p.name, total]).sort());
  }, 300_000);
});
