import { randomUUID } from 'node:crypto';
import { START } from './checkpoint';
import { checkpointRepository, ProjectionFenced } from './checkpoint.repository';
import { InProcessLock } from './projection.lock';
import { ProjectionRunner } from './projection.runner';
import { ProjectionSchema } from './projection.schema';
import { storeMigrator } from './store.migrator';
import { countingProjection } from './testing/counting.projection';
import { MemoryEventStore } from './testing/memory-event.store';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from './testing/test-database';
import { waitFor } from './testing/wait-for';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('runner')]);

function events(n: number, type = 'Happened') {
  return Array.from({ length: n }, () => ({ id: randomUUID(), type, data: {} }));
}

describe.each(backends)('ProjectionRunner on %s', (_kind, open) => {
  let db: TestDatabase;
  let store: MemoryEventStore;
  let runner: ProjectionRunner | undefined;

  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.reset();
    store = new MemoryEventStore();
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
  });

  function makeRunner(projection = countingProjection(), batchSize = 7): ProjectionRunner {
    return new ProjectionRunner({ store, db, schema: new ProjectionSchema(db, storeMigrator), lock: new InProcessLock(), projection, batchSize, idleMs: 20 });
  }

  async function counts(): Promise<Record<string, number>> {
    const { rows } = await db.query<{ stream_id: string; count: number }>('SELECT stream_id, count FROM counting_streams ORDER BY stream_id');
    return Object.fromEntries(rows.map((r) => [r.stream_id, r.count]));
  }

  it('applies every event once and stores the last checkpoint', async () => {
    await store.append('s-a', events(10));
    await store.append('s-b', events(5));
    runner = makeRunner();
    const caughtUp = runner.whenCaughtUp();
    runner.start();
    await caughtUp;
    expect(await counts()).toEqual({ 's-a': 10, 's-b': 5 });
    const cp = await checkpointRepository.read(db, 'counting');
    expect(cp).toMatchObject({ checkpoint: store.events[14].checkpoint, globalPosition: 15, eventsApplied: 15, version: '1' });

    await store.append('s-a', events(3));
    runner.wake();
    await waitFor(async () => (await counts())['s-a'] === 13, 'the live events');
    expect(runner.status()).toMatchObject({ state: 'running', checkpoint: store.events[17].checkpoint });
  });

  it('rolls a failing batch back whole and retries it from the committed checkpoint', async () => {
    await store.append('s-a', events(3));
    await store.append('s-p', events(1, 'Poison'));
    await store.append('s-a', events(3));
    runner = makeRunner(countingProjection(), 100);
    runner.start();
    await waitFor(() => runner?.status().state === 'failing', 'the poison event');
    expect(runner.status().lastError).toMatch(/poison event/);
    // The events before the poison one were in the same batch: none of them is visible.
    expect(await counts()).toEqual({});
    expect((await checkpointRepository.read(db, 'counting'))?.checkpoint).toBe(START);
  });

  it('is idempotent: an event replayed after its stream moved on changes nothing', async () => {
    await store.append('s-a', events(4));
    runner = makeRunner();
    const caughtUp = runner.whenCaughtUp();
    runner.start();
    await caughtUp;
    await runner.stop();
    // Simulate a replay from the start (e.g. a checkpoint restored from an older backup).
    await db.query(`UPDATE projection_checkpoints SET checkpoint = $1 WHERE name = 'counting'`, [START]);
    runner = makeRunner();
    const again = runner.whenCaughtUp();
    runner.start();
    await again;
    expect(await counts()).toEqual({ 's-a': 4 });
  });

  it('refuses to move a checkpoint that another runner moved first', async () => {
    const schema = new ProjectionSchema(db, storeMigrator);
    await schema.ensure(countingProjection());
    await db.transaction((tx) => checkpointRepository.advance(tx, 'counting', START, '1/1', 1, 1));
    await expect(db.transaction((tx) => checkpointRepository.advance(tx, 'counting', START, '1/2', 2, 1))).rejects.toBeInstanceOf(ProjectionFenced);
  });

  it('drops and replays when the handler version changed', async () => {
    await store.append('s-a', events(2));
    runner = makeRunner(countingProjection('1'));
    let caughtUp = runner.whenCaughtUp();
    runner.start();
    await caughtUp;
    await db.query(`UPDATE counting_streams SET count = 999`);
    await runner.stop();
    runner = makeRunner(countingProjection('2'));
    caughtUp = runner.whenCaughtUp();
    runner.start();
    await caughtUp;
    expect(await counts()).toEqual({ 's-a': 2 });
    expect((await checkpointRepository.read(db, 'counting'))?.version).toBe('2');
  });

  it('lets one of two runners of the same projection work at a time', async () => {
    await store.append('s-a', events(20));
    const lock = new InProcessLock();
    const schema = new ProjectionSchema(db, storeMigrator);
    const a = new ProjectionRunner({ store, db, schema, lock, projection: countingProjection(), batchSize: 3, idleMs: 10 });
    const b = new ProjectionRunner({ store, db, schema, lock, projection: countingProjection(), batchSize: 3, idleMs: 10 });
    const caughtUp = a.whenCaughtUp();
    a.start();
    await caughtUp;
    b.start();
    await waitFor(() => b.status().state === 'waiting-for-lock', 'b to wait');
    await a.stop();
    await store.append('s-a', events(5));
    await waitFor(async () => (await counts())['s-a'] === 25, 'b to take over');
    expect(b.status().state).toBe('running');
    await b.stop();
  });
});
