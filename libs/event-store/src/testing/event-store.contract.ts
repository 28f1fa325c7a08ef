import { FixedClock } from '../../../domain/src';
import type { EventStore, ExpectedVersion, NewEvent } from '../event-store.port';
import { EventIdConflict, EventStoreValidationError, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import {
  newEvent,
  newEvents,
  readAllAfter,
  startMarker,
  uniqueStreamId,
  visibleMarker,
  waitFor,
  type ContractFactory,
  type ContractFixture,
  type ContractSettings,
} from './contract-helpers';
import { concurrencyContract } from './event-store-concurrency.contract';
import { payloadContract } from './event-store-payload.contract';

export type { ContractFactory, ContractFixture, ContractSettings } from './contract-helpers';

const DEFAULT_SETTINGS: ContractSettings = { writers: 8, eventsPerWriter: 260, maxHoldMs: 40, largePayloadBytes: 1_100_000 };

/**
 * The one contract every EventStore adapter passes (architecture §3, §7). The factory returns a fresh
 * store per test; tests still only look at their own streams and at what was written after they
 * started, so an adapter that cannot isolate $all (EventStoreDB) passes it too.
 */
export function eventStoreContract(name: string, factory: ContractFactory, settings: Partial<ContractSettings> = {}): void {
  const config = { ...DEFAULT_SETTINGS, ...settings };

  describe(`EventStore contract: ${name}`, () => {
    const clock = new FixedClock('2026-03-02T09:30:00.000Z');
    let fixture: ContractFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await factory({ clock });
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture?.dispose();
    });

    describe('expected version', () => {
      const refusals: [string, ExpectedVersion, number][] = [
        ['no-stream on an existing stream', 'no-stream', 2],
        ['a stale number', 1, 2],
        ['a number ahead of the stream', 5, 2],
        ['0 on an existing stream', 0, 2],
      ];

      it.each(refusals)('refuses %s with the actual version, writing nothing', async (_label, expected, actual) => {
        const streamId = uniqueStreamId();
        const marker = await visibleMarker(store, await store.append(streamId, newEvents(2), { expectedVersion: 'no-stream' }));
        const attempt = store.append(streamId, newEvents(3), { expectedVersion: expected });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersion);
        await expect(attempt).rejects.toMatchObject({ code: 'wrong-expected-version', actualVersion: actual, expectedVersion: expected, streamId });
        expect(await store.streamVersion(streamId)).toBe(2);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await readAllAfter(store, marker, new Set([streamId]))).toEqual([]);
      });

      it('refuses stream-exists (and any number but 0) on a stream that does not exist, creating nothing', async () => {
        const streamId = uniqueStreamId();
        await expect(store.append(streamId, newEvents(2), { expectedVersion: 'stream-exists' })).rejects.toMatchObject({ actualVersion: 0 });
        await expect(store.append(streamId, newEvents(2), { expectedVersion: 3 })).rejects.toMatchObject({ actualVersion: 0 });
        expect(await store.streamVersion(streamId)).toBe(0);
        await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StreamNotFound);
        expect(await store.listStreams()).not.toContain(streamId);
      });

      it('accepts every form when it matches', async () => {
        const streamId = uniqueStreamId();
        const first = await store.append(streamId, newEvents(2), { expectedVersion: 'no-stream' });
        expect(first.nextExpectedVersion).toBe(2);
        expect((await store.append(streamId, [newEvent()], { expectedVersion: 2 })).nextExpectedVersion).toBe(3);
        expect((await store.append(streamId, [newEvent()], { expectedVersion: 'stream-exists' })).nextExpectedVersion).toBe(4);
        expect((await store.append(streamId, [newEvent()], { expectedVersion: 'any' })).nextExpectedVersion).toBe(5);
        expect((await store.append(streamId, [newEvent()])).nextExpectedVersion).toBe(6);
        const other = uniqueStreamId();
        expect((await store.append(other, [newEvent()], { expectedVersion: 0 })).nextExpectedVersion).toBe(1);
        expect((await store.append(uniqueStreamId(), [newEvent()], { expectedVersion: 'any' })).nextExpectedVersion).toBe(1);
        expect((await store.readStream(streamId)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await store.streamVersion(streamId)).toBe(6);
      });

      it('numbers the events of one append consecutively and returns them as stored', async () => {
        const streamId = uniqueStreamId();
        await store.append(streamId, [newEvent()]);
        const sent = newEvents(3, 'Batch');
        const result = await store.append(streamId, sent, { expectedVersion: 1 });
        expect(result.events.map((e) => [e.id, e.version, e.type])).toEqual(sent.map((e, i) => [e.id, i + 2, 'Batch']));
        expect(await store.readStream(streamId, { from: 2 })).toEqual(result.events);
      });
    });

    describe('idempotency', () => {
      it('answers a repeated append with the original events and writes no duplicate', async () => {
        const streamId = uniqueStreamId();
        const events = newEvents(3);
        const original = await store.append(streamId, events, { expectedVersion: 'no-stream' });
        clock.advance(60_000);
        // A retry after a lost reply carries the same ids and the now-stale expected version.
        const retry = await store.append(streamId, events, { expectedVersion: 'no-stream' });
        expect(retry.events).toEqual(original.events);
        expect(retry.nextExpectedVersion).toBe(3);
        const again = await store.append(streamId, events, { expectedVersion: 'any' });
        expect(again.events.map((e) => e.globalPosition)).toEqual(original.events.map((e) => e.globalPosition));
        expect(await store.readStream(streamId)).toEqual(original.events);
        expect(await store.streamVersion(streamId)).toBe(3);
      });

      it('refuses an append that reuses only some stored ids, or ids of another stream, writing nothing', async () => {
        const streamId = uniqueStreamId();
        const events = newEvents(2);
        const marker = await visibleMarker(store, await store.append(streamId, events));
        await expect(store.append(streamId, [events[1], newEvent()])).rejects.toBeInstanceOf(EventIdConflict);
        const other = uniqueStreamId();
        await expect(store.append(other, [events[0]])).rejects.toBeInstanceOf(EventIdConflict);
        expect(await store.streamVersion(streamId)).toBe(2);
        expect(await store.streamVersion(other)).toBe(0);
        expect(await readAllAfter(store, marker, new Set([streamId, other]))).toEqual([]);
      });
    });

    describe('reading a stream', () => {
      let streamId: string;
      beforeEach(async () => {
        streamId = uniqueStreamId();
        await store.append(streamId, newEvents(10));
      });

      const versions = async (options: Parameters<EventStore['readStream']>[1]) => (await store.readStream(streamId, options)).map((e) => e.version);

      it('reads forwards, from a version, with a limit', async () => {
        expect(await versions(undefined)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await versions({ from: 4 })).toEqual([4, 5, 6, 7, 8, 9, 10]);
        expect(await versions({ limit: 3 })).toEqual([1, 2, 3]);
        expect(await versions({ from: 4, limit: 3 })).toEqual([4, 5, 6]);
        expect(await versions({ from: 11 })).toEqual([]);
      });

      it('reads backwards, from a version, with a limit', async () => {
        expect(await versions({ direction: 'backwards' })).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        expect(await versions({ direction: 'backwards', from: 5 })).toEqual([5, 4, 3, 2, 1]);
        expect(await versions({ direction: 'backwards', limit: 2 })).toEqual([10, 9]);
        expect(await versions({ direction: 'backwards', from: 5, limit: 2 })).toEqual([5, 4]);
      });

      it('reports an unknown stream as StreamNotFound and version 0', async () => {
        const unknown = uniqueStreamId('nobody');
        await expect(store.readStream(unknown)).rejects.toBeInstanceOf(StreamNotFound);
        await expect(store.readStream(unknown)).rejects.toMatchObject({ code: 'stream-not-found', kind: 'not-found' });
        expect(await store.streamVersion(unknown)).toBe(0);
      });

      it('lists streams in first-append order, page by page', async () => {
        const more = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
        for (const id of more) await store.append(id, [newEvent()]);
        const all = await store.listStreams();
        expect(all.filter((id) => id === streamId || more.includes(id))).toEqual([streamId, ...more]);
        expect(await store.listStreams({ after: streamId, limit: 2 })).toEqual(more.slice(0, 2));
        expect(await store.listStreams({ after: more[1] })).toEqual([more[2]]);
        await expect(store.listStreams({ after: uniqueStreamId('nobody') })).rejects.toBeInstanceOf(StreamNotFound);
      });

      it('describes itself', async () => {
        const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
        await waitFor(async () => (await store.info()).lastPosition === last.checkpoint, 'info() to report the last event');
        const info = await store.info();
        expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
        expect(info.lastGlobalPosition).toBeGreaterThanOrEqual(last.globalPosition);
      });
    });

    describe('hash chain', () => {
      it('verifies an untouched stream', async () => {
        const streamId = uniqueStreamId();
        await store.append(streamId, newEvents(3));
        await store.append(streamId, newEvents(2));
        expect(await store.verifyStream(streamId)).toEqual({ streamId, ok: true, eventsChecked: 5 });
      });

      it('reports the first event whose stored content was changed behind the store', async () => {
        if (!fixture.tamper) {
          console.info(`${name}: stored events cannot be modified in place; tamper test not applicable.`);
          return;
        }
        const streamId = uniqueStreamId();
        const events = await store.append(streamId, newEvents(5));
        await fixture.tamper(streamId, 3, { n: 999 });
        const result = await store.verifyStream(streamId);
        expect(result.ok).toBe(false);
        expect(result.eventsChecked).toBe(3);
        expect(result.firstBroken).toMatchObject({ version: 3, id: events.events[2].id, storedHash: events.events[2].hash });
        expect(result.firstBroken?.expectedHash).not.toBe(events.events[2].hash);
      });
    });

    describe('refused input', () => {
      const validationCases: [string, () => [string, NewEvent[] | unknown, { expectedVersion?: unknown }?]][] = [
        ['an empty stream id', () => ['', [newEvent()]]],
        ['a blank stream id', () => ['   ', [newEvent()]]],
        ['a stream id over 200 characters', () => [`s-${'x'.repeat(199)}`, [newEvent()]]],
        ['a negative expected version', () => [uniqueStreamId(), [newEvent()], { expectedVersion: -1 }]],
        ['a fractional expected version', () => [uniqueStreamId(), [newEvent()], { expectedVersion: 1.5 }]],
        ['an unknown expected version keyword', () => [uniqueStreamId(), [newEvent()], { expectedVersion: 'latest' }]],
        ['no events', () => [uniqueStreamId(), []]],
        ['events that are not an array', () => [uniqueStreamId(), newEvent()]],
        ['a missing id', () => [uniqueStreamId(), [{ type: 'T', data: {} }]]],
        ['an id that is not a uuid', () => [uniqueStreamId(), [{ id: 'not-a-uuid', type: 'T', data: {} }]]],
        ['an empty type', () => [uniqueStreamId(), [{ ...newEvent(), type: '' }]]],
        ['missing data', () => [uniqueStreamId(), [{ id: newEvent().id, type: 'T' }]]],
        ['a function in data', () => [uniqueStreamId(), [newEvent('T', { f: () => 1 })]]],
        ['a BigInt in data', () => [uniqueStreamId(), [newEvent('T', { amount: 10n })]]],
        ['NaN in data', () => [uniqueStreamId(), [newEvent('T', { x: NaN })]]],
        ['Infinity in data', () => [uniqueStreamId(), [newEvent('T', [Infinity])]]],
        ['a cycle in data', () => [uniqueStreamId(), [newEvent('T', cyclic())]]],
        ['undefined in an array', () => [uniqueStreamId(), [newEvent('T', [1, undefined])]]],
        ['a NUL character in a string', () => [uniqueStreamId(), [newEvent('T', { s: 'a\u0000b' })]]],
        ['a lone surrogate in a string', () => [uniqueStreamId(), [newEvent('T', { s: 'a\ud800b' })]]],
        ['a Map in data', () => [uniqueStreamId(), [newEvent('T', { m: new Map([[1, 2]]) })]]],
        ['a function in metadata', () => [uniqueStreamId(), [newEvent('T', {}, { f: () => 1 })]]],
        ['the same id twice in one append', () => {
          const e = newEvent();
          return [uniqueStreamId(), [e, { ...e, type: 'Other' }]];
        }],
        ['one bad event among good ones', () => [uniqueStreamId(), [newEvent(), newEvent('T', { x: NaN }), newEvent()]]],
      ];

      it.each(validationCases)('refuses %s with a clear error and writes nothing', async (_label, build) => {
        const [streamId, events, options] = build();
        const marker = await startMarker(store);
        const attempt = store.append(streamId, events as NewEvent[], options as { expectedVersion?: ExpectedVersion });
        await expect(attempt).rejects.toBeInstanceOf(EventStoreValidationError);
        await expect(attempt).rejects.toMatchObject({ code: 'invalid-event-store-argument', kind: 'validation' });
        const error = (await attempt.catch((e: unknown) => e)) as EventStoreValidationError;
        expect(error.message.length).toBeGreaterThan(10);
        expect(error.fields[0].field).toBeTruthy();
        if (streamId.trim() && streamId.length <= 200) expect(await store.streamVersion(streamId)).toBe(0);
        expect(await startMarker(store)).toBe(marker);
      });

      it('refuses undefined data at the top level', async () => {
        await expect(store.append(uniqueStreamId(), [{ ...newEvent(), data: undefined }])).rejects.toBeInstanceOf(EventStoreValidationError);
      });

      it('refuses malformed read arguments', async () => {
        await expect(store.readAll({ after: 'yesterday' })).rejects.toBeInstanceOf(EventStoreValidationError);
        await expect(store.readAll({ limit: 0 })).rejects.toBeInstanceOf(EventStoreValidationError);
        await expect(store.readStream('', {})).rejects.toBeInstanceOf(EventStoreValidationError);
        await expect(store.readStream(uniqueStreamId(), { from: -1 })).rejects.toBeInstanceOf(EventStoreValidationError);
      });
    });

    payloadContract(() => store, clock, config.largePayloadBytes);
    concurrencyContract(name, () => fixture, config);
  });
}

function cyclic(): unknown {
  const a: Record<string, unknown> = { name: 'a' };
  a.self = { parent: a };
  return a;
}
