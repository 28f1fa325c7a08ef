import { randomBytes } from 'node:crypto';
import { InProcessLock } from '../core/projection.lock';
import { ProjectionRunner } from '../core/projection.runner';
import { ProjectionSchema } from '../core/projection.schema';
import { storeMigrator } from '../core/store.migrator';
import { MemoryEventStore } from '../core/testing/memory-event.store';
import { DATABASE_URL, postgresTestDatabase, type TestDatabase } from '../core/testing/test-database';
import type { FeedRecord } from './feed-record';
import { feedProjection } from './feed.projection';
import { readFeedAfter } from './feed.queries';
import { appendConvention, appendJourney } from './testing/feed-fixtures';
import { personalDataFor, TrajectoryJourney } from './testing/trajectory-journey';
import { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

const withPostgres = DATABASE_URL ? describe : describe.skip;

/**
 * The worst case for `sequence > cursor`: two runners writing the feed at once (each believes it
 * holds the lock, as a runner whose lock connection silently died would) while a reader pages
 * through it. The checkpoint row lock taken before any sequence number keeps numbers visible in
 * the order they are taken, so the reader still gets every record exactly once.
 */
withPostgres(`feed sequence gap safety with two writers (PostgreSQL${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'})`, () => {
  let db: TestDatabase;
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    db = await postgresTestDatabase('feed_gaps');
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await db?.close();
  });

  it('lets a paging reader see every record exactly once, in order', async () => {
    const store = new MemoryEventStore();
    await appendConvention(store, { id: 'conv-1', funders: ['caf-x', 'departement-x'] });
    const projection = feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) });
    const makeRunner = (batchSize: number) =>
      new ProjectionRunner({ store, db, schema: new ProjectionSchema(db, storeMigrator), lock: new InProcessLock(), projection, batchSize, idleMs: 1 });
    const first = makeRunner(5);
    runners.push(first);
    const ready = first.whenCaughtUp();
    first.start();
    await ready;
    const second = makeRunner(3);
    runners.push(second);
    second.start();

    let writing = true;
    const writers = (async () => {
      for (let i = 0; i < 30; i++) await appendJourney(store, TrajectoryJourney.full('conv-1', personalDataFor(i)));
    })().finally(() => {
      writing = false;
    });

    const seen: FeedRecord[] = [];
    let cursor = 0n;
    let quietReads = 0;
    while (quietReads < 2) {
      const page = await readFeedAfter(db, cursor, 7);
      seen.push(...page);
      if (page.length > 0) cursor = BigInt(page[page.length - 1].sequence);
      else if (!writing) {
        const caught = first.whenCaughtUp();
        first.wake();
        await caught;
        quietReads++;
      }
    }
    await writers;

    const table = await readFeedAfter(db, 0n, 1000);
    expect(table.length).toBe(30 * 14 * 2);
    expect(seen.map((r) => r.recordId)).toEqual(table.map((r) => r.recordId));
    expect(new Set(seen.map((r) => r.recordId)).size).toBe(seen.length);
  });
});
