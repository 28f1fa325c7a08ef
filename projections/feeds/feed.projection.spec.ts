import { randomBytes } from 'node:crypto';
import { checkpointRepository } from '../core/checkpoint.repository';
import { InProcessLock } from '../core/projection.lock';
import { ProjectionRunner } from '../core/projection.runner';
import { ProjectionSchema } from '../core/projection.schema';
import { storeMigrator } from '../core/store.migrator';
import { MemoryEventStore } from '../core/testing/memory-event.store';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { ListConventionDirectory } from './convention-directory';
import { conventionFromEvent } from './feed-conventions';
import type { FeedRecordDraft } from './feed-record';
import { mapFeedEvent, type TrajectoryFeedState } from './feed-record.mapper';
import { FEED_PROJECTION, feedProjection } from './feed.projection';
import { readFeedAfter, readFunderFeed } from './feed.queries';
import { appendConvention, appendJourney } from './testing/feed-fixtures';
import { personalDataFor, TrajectoryJourney } from './testing/trajectory-journey';
import { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('feed_projection')]);

const CONVENTION = { id: 'conv-1', funders: ['departement-x', 'caf-x'] };

/** What the pure mapping gives for the store's events in $all order: the table must hold exactly this. */
function expectedRecords(store: MemoryEventStore, pseudonymiser: TrajectoryPseudonymiser): FeedRecordDraft[] {
  const directory = new ListConventionDirectory();
  const states = new Map<string, TrajectoryFeedState | undefined>();
  const out: FeedRecordDraft[] = [];
  for (const event of store.events) {
    const convention = conventionFromEvent(event);
    if (convention) directory.add(convention);
    const r = mapFeedEvent(states.get(event.streamId), event, { directory, pseudonymiser });
    states.set(event.streamId, r.state);
    out.push(...r.records);
  }
  return out;
}

describe.each(backends)('feed projection on %s', (_kind, open) => {
  let db: TestDatabase;
  let store: MemoryEventStore;
  let runner: ProjectionRunner | undefined;
  const pseudonymiser = new TrajectoryPseudonymiser(randomBytes(32));

  // Starting PGlite costs seconds: one database per file, emptied before each test.
  beforeAll(async () => {
    db = await open();
  });
  beforeEach(async () => {
    await db.reset();
    store = new MemoryEventStore();
    await appendConvention(store, CONVENTION);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
  });
  afterAll(async () => {
    await db?.close();
  });

  function makeRunner(batchSize = 50, onMidBatch?: () => Promise<void>): ProjectionRunner {
    return new ProjectionRunner({
      store,
      db,
      schema: new ProjectionSchema(db, storeMigrator),
      lock: new InProcessLock(),
      projection: feedProjection({ pseudonymiser }),
      batchSize,
      idleMs: 10,
      onMidBatch,
    });
  }

  async function runToEnd(r: ProjectionRunner): Promise<void> {
    const caughtUp = r.whenCaughtUp();
    r.start();
    await caughtUp;
  }

  async function allRecords() {
    return readFeedAfter(db, 0n, 1000);
  }

  it('writes the records of the mapping, in event order, with increasing sequence numbers', async () => {
    const journeys = [0, 1, 2].map((i) => TrajectoryJourney.full('conv-1', personalDataFor(i)));
    for (const j of journeys) await appendJourney(store, j);
    runner = makeRunner(17);
    await runToEnd(runner);

    const written = await allRecords();
    const expected = expectedRecords(store, pseudonymiser);
    expect(written.map((r) => r.recordId)).toEqual(expected.map((r) => r.recordId));
    expect(written.map((r) => r.sequence)).toEqual([...written.map((r) => r.sequence)].sort((a, b) => a - b));
    expect(written[0]).toEqual({
      schemaVersion: 1,
      recordId: expected[0].recordId,
      sequence: written[0].sequence,
      funderId: expected[0].funderId,
      conventionId: 'conv-1',
      trajectoryPseudonym: expected[0].trajectoryPseudonym,
      kind: 'saisine-received',
      businessDate: '2026-01-05',
      profile: { composition: 'single-parent', childrenBand: '1-2', ageBand: '35-44', resourcesType: 'rsa' },
      details: {},
    });
  });

  it('pages a funder feed with a cursor, only that funder records', async () => {
    for (const i of [0, 1]) await appendJourney(store, TrajectoryJourney.full('conv-1', personalDataFor(i)));
    runner = makeRunner();
    await runToEnd(runner);
    const all = (await allRecords()).filter((r) => r.funderId === 'caf-x');
    const seen: string[] = [];
    let cursor = 0n;
    for (;;) {
      const page = await readFunderFeed(db, 'caf-x', cursor, 7);
      if (page.records.length === 0) {
        expect(page.nextCursor).toBe(cursor.toString());
        break;
      }
      expect(page.records.every((r) => r.funderId === 'caf-x')).toBe(true);
      seen.push(...page.records.map((r) => r.recordId));
      cursor = BigInt(page.nextCursor);
    }
    expect(seen).toEqual(all.map((r) => r.recordId));
  });

  it('writes nothing of a batch that fails half-way, then every record exactly once', async () => {
    await appendJourney(store, TrajectoryJourney.full('conv-1'));
    let fail = true;
    runner = makeRunner(1000, async () => {
      if (fail) {
        fail = false;
        throw new Error('crash in the middle of the batch');
      }
    });
    await runToEnd(runner);
    const records = await allRecords();
    expect(new Set(records.map((r) => r.recordId)).size).toBe(records.length);
    expect(records.length).toBe(2 * 14);
    const cp = await checkpointRepository.read(db, FEED_PROJECTION);
    expect(cp?.globalPosition).toBe(store.events.length);
  });

  it('rebuilds to the same record ids, numbered after everything handed out before', async () => {
    await appendJourney(store, TrajectoryJourney.full('conv-1'));
    runner = makeRunner();
    await runToEnd(runner);
    const before = await allRecords();
    await runner.stop();
    await new ProjectionSchema(db, storeMigrator).reset(feedProjection({ pseudonymiser }));
    runner = makeRunner();
    await runToEnd(runner);
    const after = await allRecords();
    expect(after.map((r) => r.recordId)).toEqual(before.map((r) => r.recordId));
    expect(after[0].sequence).toBeGreaterThan(before[before.length - 1].sequence);
  });

  it('sends the records a trajectory held for a convention created after its saisine', async () => {
    const journey = new TrajectoryJourney().saisine('2026-02-01', { conventionId: 'conv-late' }).diagnostic('2026-02-03', '2026-02-10');
    await appendJourney(store, journey);
    runner = makeRunner();
    await runToEnd(runner);
    expect(await allRecords()).toEqual([]);
    const { rows } = await db.query<{ pending: number }>('SELECT pending FROM feed_trajectories');
    expect(rows).toEqual([{ pending: 2 }]);

    await appendConvention(store, { id: 'conv-late', funders: ['region-x'] });
    const waited = runner.whenCaughtUp();
    runner.wake();
    await waited;
    const records = await allRecords();
    expect(records.map((r) => [r.funderId, r.kind, r.businessDate])).toEqual([
      ['region-x', 'saisine-received', '2026-02-01'],
      ['region-x', 'diagnostic-concluded', '2026-02-10'],
    ]);
    expect((await db.query<{ pending: number }>('SELECT pending FROM feed_trajectories')).rows).toEqual([{ pending: 0 }]);
  });
});
