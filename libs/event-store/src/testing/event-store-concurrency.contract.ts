import type { Checkpoint, EventStore, RecordedEvent } from '../event-store.port';
import { WrongExpectedVersion } from '../event-store.errors';
import { compareCheckpoints } from '../core/checkpoint';
import {
  collect,
  newEvent,
  newEvents,
  randomInt,
  readAllAfter,
  readAllEventually,
  startMarker,
  uniqueStreamId,
  waitFor,
  type ContractFixture,
  type ContractSettings,
} from './contract-helpers';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => i + from);

/** Contract, part 3: racing writers, slow committers, tailing readers and resumable subscribers. */
export function concurrencyContract(name: string, getFixture: () => ContractFixture, settings: ContractSettings): void {
  describe('concurrency', () => {
    it('lets exactly one of 8 appenders with the same expected version win', async () => {
      const { store } = getFixture();
      const streamId = uniqueStreamId();
      await store.append(streamId, newEvents(2));
      const outcomes = await Promise.allSettled(range(8).map(() => store.append(streamId, newEvents(2), { expectedVersion: 2 })));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
        expect(outcome.reason).toBeInstanceOf(WrongExpectedVersion);
        expect((outcome.reason as WrongExpectedVersion).actualVersion).toBe(4);
      }
      expect((await store.readStream(streamId)).map((e) => e.version)).toEqual([1, 2, 3, 4]);
    });

    it('gives exactly one event per version, without gaps, to 10 appenders racing on one stream', async () => {
      const { store } = getFixture();
      const streamId = uniqueStreamId();
      const written: string[] = [];
      await Promise.all(
        range(10).map(async (writer) => {
          for (let i = 0; i < 6; i += 1) {
            const batch = [newEvent('Raced', { writer, i }), ...(i === 5 ? [newEvent('Raced', { writer, i, second: true })] : [])];
            if (i % 2 === 0) await store.append(streamId, batch, { expectedVersion: 'any' });
            else await appendOptimistically(store, streamId, batch);
            written.push(...batch.map((e) => e.id));
          }
        }),
      );
      const events = await store.readStream(streamId);
      expect(events.map((e) => e.version)).toEqual(range(70, 1));
      expect(new Set(events.map((e) => e.id))).toEqual(new Set(written));
      expect(await store.verifyStream(streamId)).toMatchObject({ ok: true, eventsChecked: 70 });
    });

    it('never lets a reader pass an event whose transaction commits late', async () => {
      const fixture = getFixture();
      if (!fixture.concurrentTransactions || !fixture.appendInSlowTransaction) {
        console.info(`${name}: a single session cannot interleave transactions; late-commit test not applicable.`);
        return;
      }
      const { store } = fixture;
      const marker = await startMarker(store);
      const slowStream = uniqueStreamId('slow');
      const fastStream = uniqueStreamId('fast');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const appended = new Promise<void>((resolve) => (written = resolve));
      const slow = fixture.appendInSlowTransaction(slowStream, [newEvent('Slow')], { until: gate, onAppended: written });
      await appended;
      const fast = await store.append(fastStream, [newEvent('Fast')]);
      // The slow event holds the lower global position but is not committed yet: a reader trusting
      // "position > last seen" would read the fast one now, move past, and never see the slow one.
      const whileOpen = await readAllAfter(store, marker, new Set([slowStream, fastStream]));
      expect(whileOpen).toEqual([]);
      release();
      const committed = await slow;
      expect(committed.events[0].globalPosition).toBeLessThan(fast.events[0].globalPosition);
      const afterCommit = await readAllEventually(store, marker, new Set([slowStream, fastStream]), 2);
      expect(afterCommit.map((e) => e.streamId)).toEqual([slowStream, fastStream]);
      expect(compareCheckpoints(afterCommit[0].checkpoint, afterCommit[1].checkpoint)).toBeLessThan(0);
    });

    it(`loses nothing in readAll or a live subscription with ${settings.writers} writers and slow committers`, async () => {
      const fixture = getFixture();
      const { store } = fixture;
      const marker = await startMarker(store);
      const shared = uniqueStreamId('shared');
      const sentinelStream = uniqueStreamId('sentinel');
      const ownStreams = range(settings.writers).map(() => [uniqueStreamId('own'), uniqueStreamId('own')]);
      const streams = new Set([shared, sentinelStream, ...ownStreams.flat()]);
      const total = settings.writers * settings.eventsPerWriter;

      const subscriber = collect(store, marker, streams);
      const tailed: RecordedEvent[] = [];
      let tailing = true;
      const tailer = (async () => {
        let position: Checkpoint = marker;
        while (tailing) {
          const page = await store.readAll({ after: position, limit: 37 });
          tailed.push(...page.filter((e) => streams.has(e.streamId)));
          if (page.length > 0) position = page[page.length - 1].checkpoint;
          else await new Promise((resolve) => setImmediate(resolve));
        }
      })();

      const sent = new Set<string>();
      await Promise.all(
        range(settings.writers).map(async (writer) => {
          let written = 0;
          let round = 0;
          while (written < settings.eventsPerWriter) {
            round += 1;
            const size = Math.min(1 + randomInt(4), settings.eventsPerWriter - written);
            const batch = range(size).map((i) => newEvent('Tick', { writer, round, i }));
            const streamId = round % 5 === 0 ? shared : ownStreams[writer][round % 2];
            // A third of the writers sometimes keep their transaction open before committing.
            if (writer % 3 === 0 && round % 3 === 0 && fixture.appendInSlowTransaction) {
              await fixture.appendInSlowTransaction(streamId, batch, { ms: randomInt(settings.maxHoldMs + 1) });
            } else {
              await store.append(streamId, batch, { expectedVersion: 'any' });
            }
            batch.forEach((e) => sent.add(e.id));
            written += size;
          }
        }),
      );
      expect(sent.size).toBe(total);

      // A last event after everything: once it arrives, any duplicate would have arrived before it.
      await store.append(sentinelStream, [newEvent('Sentinel')]);
      await waitFor(() => subscriber.events.some((e) => e.streamId === sentinelStream), 'the subscriber to reach the sentinel', 45_000);
      await waitFor(() => tailed.some((e) => e.streamId === sentinelStream), 'the readAll tailer to reach the sentinel', 45_000);
      tailing = false;
      await tailer;
      await subscriber.subscription.stop();

      const received = subscriber.events.filter((e) => e.streamId !== sentinelStream);
      expectStrictlyIncreasing(subscriber.events);
      expect(received).toHaveLength(total);
      expect(new Set(received.map((e) => e.id))).toEqual(sent);
      expectStreamsInVersionOrder(received);
      const ids = (events: RecordedEvent[]) => events.map((e) => e.id);
      expect(ids(tailed)).toEqual(ids(subscriber.events));
      expect(ids(await readAllAfter(store, marker, streams))).toEqual(ids(subscriber.events));
      for (const streamId of [shared, ...ownStreams.flat()]) expect((await store.verifyStream(streamId)).ok).toBe(true);
    });
  });

  describe('subscriptions', () => {
    it('resumes from a checkpoint exactly where it stopped', async () => {
      const { store } = getFixture();
      const marker = await startMarker(store);
      const streamId = uniqueStreamId();
      for (let i = 0; i < 6; i += 1) await store.append(streamId, newEvents(5));
      const first: RecordedEvent[] = [];
      const subscription = store.subscribe(
        async (event) => {
          if (event.streamId !== streamId) return;
          first.push(event);
          if (first.length === 12) await subscription.stop();
        },
        { after: marker, batchSize: 7 },
      );
      await subscription.done;
      expect(first.map((e) => e.version)).toEqual(range(12, 1));
      const resumeAt = first[11].checkpoint;

      await store.append(streamId, newEvents(10));
      const rest = collect(store, resumeAt, new Set([streamId]));
      await waitFor(() => rest.events.length >= 28, 'the resumed subscriber to catch up');
      await rest.subscription.stop();
      expect(rest.events.map((e) => e.version)).toEqual(range(28, 13));
      expect(rest.events.every((e) => compareCheckpoints(e.checkpoint, resumeAt) > 0)).toBe(true);
    });

    it('delivers live appends after catching up, one handler call at a time', async () => {
      const { store } = getFixture();
      const marker = await startMarker(store);
      const streamId = uniqueStreamId();
      let running = 0;
      let overlapped = false;
      const seen: number[] = [];
      const subscription = store.subscribe(
        async (event) => {
          if (event.streamId !== streamId) return;
          running += 1;
          overlapped ||= running > 1;
          await new Promise((resolve) => setImmediate(resolve));
          seen.push(event.version);
          running -= 1;
        },
        { after: marker },
      );
      await store.append(streamId, newEvents(3));
      await waitFor(() => seen.length === 3, 'the first three events');
      await Promise.all([store.append(streamId, newEvents(2)), store.append(streamId, newEvents(2))]);
      await waitFor(() => seen.length === 7, 'the live events');
      await subscription.stop();
      await subscription.done;
      expect(seen).toEqual(range(7, 1));
      expect(overlapped).toBe(false);
    });

    it('stops when the handler throws, rejecting done with that error', async () => {
      const { store } = getFixture();
      const marker = await startMarker(store);
      const streamId = uniqueStreamId();
      await store.append(streamId, newEvents(3));
      const calls: number[] = [];
      const subscription = store.subscribe(
        (event) => {
          if (event.streamId !== streamId) return;
          calls.push(event.version);
          if (event.version === 2) throw new Error('projection bug');
        },
        { after: marker },
      );
      await expect(subscription.done).rejects.toThrow('projection bug');
      expect(calls).toEqual([1, 2]);
      await subscription.stop();
    });

    it('stops promptly while idle', async () => {
      const { store } = getFixture();
      const subscription = store.subscribe(() => undefined, { after: await startMarker(store) });
      await subscription.stop();
      await expect(subscription.done).resolves.toBeUndefined();
    });
  });
}

async function appendOptimistically(store: EventStore, streamId: string, events: ReturnType<typeof newEvents>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const version = await store.streamVersion(streamId);
    try {
      await store.append(streamId, events, { expectedVersion: version === 0 ? 'no-stream' : version });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
  }
  throw new Error('gave up after 500 conflicts');
}

function expectStrictlyIncreasing(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i += 1) {
    if (compareCheckpoints(events[i - 1].checkpoint, events[i].checkpoint) >= 0) {
      throw new Error(`checkpoint ${events[i].checkpoint} (event ${i}) does not follow ${events[i - 1].checkpoint}`);
    }
  }
}

function expectStreamsInVersionOrder(events: RecordedEvent[]): void {
  const last = new Map<string, number>();
  for (const event of events) {
    const previous = last.get(event.streamId) ?? 0;
    if (event.version !== previous + 1) throw new Error(`${event.streamId}: version ${event.version} delivered after ${previous}`);
    last.set(event.streamId, event.version);
  }
}
