import fc from 'fast-check';
import { InProcessLock } from '../../../../projections/core/projection.lock';
import { waitFor } from '../../../../projections/core/testing/wait-for';
import type { FeedRecord } from '../../../../projections/feeds/feed-record';
import { FeedRelay } from './feed-relay';
import { RelayFenced } from './relay-position.port';
import { MemoryFeedSource, MemoryPositionStore, sampleRecords } from './testing/memory-feed';
import { ScriptedFeedSink, type FailurePoint } from './testing/scripted-feed.sink';

const ids = (records: readonly FeedRecord[]) => records.map((r) => r.recordId);
const dedup = (records: readonly FeedRecord[]) => [...new Map(records.map((r) => [r.recordId, r])).values()];

function setup(n: number, batchSize = 10) {
  const source = new MemoryFeedSource(sampleRecords(n));
  const positions = new MemoryPositionStore();
  const sink = new ScriptedFeedSink();
  const relay = new FeedRelay({ name: 'test', source, positions, sink, batchSize, idleMs: 5, maxBackoffMs: 5 });
  return { source, positions, sink, relay };
}

/** Runs step() until caught up, letting failures happen as a restarted relay would see them. */
async function runThroughFailures(relay: FeedRelay, maxSteps = 1000): Promise<number> {
  let failures = 0;
  for (let i = 0; i < maxSteps; i++) {
    try {
      if ((await relay.step()) === 0) return failures;
    } catch {
      failures++;
    }
  }
  throw new Error('relay did not catch up');
}

describe('feed relay: publish, then store the position', () => {
  it('publishes every record once, in sequence order, and stores the last sequence', async () => {
    const { source, positions, sink, relay } = setup(35);
    expect(await relay.drain()).toBe(35);
    expect(ids(sink.delivered)).toEqual(ids(source.records));
    expect(await positions.load('test')).toBe(35);
    expect(sink.calls).toBe(4);
  });

  it('keeps the position when the sink fails before publishing: nothing lost, nothing repeated', async () => {
    const { source, positions, sink, relay } = setup(30);
    sink.failAt(2, 'before-publish');
    expect(await runThroughFailures(relay)).toBe(1);
    expect(ids(sink.delivered)).toEqual(ids(source.records));
    expect(await positions.load('test')).toBe(30);
  });

  it('sends a batch again when its acknowledgement is lost: duplicates only, deduplicated to the full set', async () => {
    const { source, sink, relay } = setup(30);
    sink.failAt(2, 'after-publish');
    await runThroughFailures(relay);
    expect(sink.delivered).toHaveLength(40);
    expect(ids(sink.delivered.slice(10, 20))).toEqual(ids(sink.delivered.slice(20, 30)));
    expect(ids(dedup(sink.delivered))).toEqual(ids(source.records));
  });

  it('sends a batch again when storing the position fails after the acknowledgement', async () => {
    const { source, positions, sink, relay } = setup(25);
    await relay.step();
    positions.failNextSave = new Error('database went away');
    await expect(relay.step()).rejects.toThrow('database went away');
    expect(await positions.load('test')).toBe(10);
    await relay.drain();
    expect(sink.delivered).toHaveLength(35);
    expect(ids(dedup(sink.delivered))).toEqual(ids(source.records));
  });

  it('never moves a position another relay has moved', async () => {
    const { positions, relay } = setup(20);
    const original = positions.load.bind(positions);
    // Another relay publishes the first batch while this one is between load and save.
    positions.load = async (name) => {
      const p = await original(name);
      if (p === 0) positions.positions.set(name, 10);
      return p;
    };
    await expect(relay.step()).rejects.toBeInstanceOf(RelayFenced);
    positions.load = original;
    expect(await positions.load('test')).toBe(10);
    await relay.drain();
    expect(await positions.load('test')).toBe(20);
  });

  it('delivers every record at least once whatever fails where (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom<FailurePoint | 'save'>('before-publish', 'after-publish', 'save')), {
          maxLength: 8,
        }),
        async (n, batchSize, failures) => {
          const { source, positions, sink, relay } = setup(n, batchSize);
          const saveFailures = new Set(failures.filter(([, p]) => p === 'save').map(([c]) => c));
          for (const [call, point] of failures) if (point !== 'save') sink.failAt(call, point);
          const originalSave = positions.save.bind(positions);
          let saves = 0;
          positions.save = async (...args) => {
            if (saveFailures.has(++saves)) throw new Error('save failed');
            return originalSave(...args);
          };
          await runThroughFailures(relay);
          expect(ids(dedup(sink.delivered))).toEqual(ids(source.records));
          expect(await positions.load('test')).toBe(n);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('follows new records live, after backing off a failing sink', async () => {
    const { source, sink } = setup(5);
    const positions = new MemoryPositionStore();
    const relay = new FeedRelay({ name: 'live', source, positions, sink, lock: new InProcessLock(), batchSize: 3, idleMs: 10_000, maxBackoffMs: 5 });
    sink.failAt(1, 'before-publish');
    const caughtUp = relay.whenCaughtUp();
    relay.start();
    await caughtUp;
    expect(relay.status()).toMatchObject({ state: 'running', position: 5, published: 5 });
    source.records.push(...sampleRecords(4, 6));
    relay.wake();
    await waitFor(() => sink.delivered.length === 9, 'the live records');
    await relay.stop();
    expect(ids(sink.delivered)).toEqual(ids(source.records));
    expect(relay.status().state).toBe('stopped');
  });
});
