import type { FixedClock } from '../../../domain/src';
import type { EventStore } from '../event-store.port';
import { newEvent, readAllEventually, startMarker, uniqueStreamId } from './contract-helpers';

/** Contract, part 2: what goes in comes out unchanged, whatever the script, size or shape. */
export function payloadContract(getStore: () => EventStore, clock: FixedClock, largePayloadBytes: number): void {
  describe('payloads', () => {
    it('round-trips unicode, odd numbers and nesting in data and metadata unchanged', async () => {
      const store = getStore();
      const data = {
        accents: 'Élodie Dürr, rue de l’Église, Noël — ça déménage',
        emoji: '🏠👩‍👧‍👦🇫🇷 🧾',
        rtl: 'مرحبا بالعالم · שלום עולם',
        combining: 'e\u0301 vs é',
        cjk: '住房支持',
        escapes: 'quote " backslash \\ tab \t newline \n line-sep \u2028',
        numbers: [0, -1, 1.5, 1e-7, 1e21, 123456789012345, -0.000001, Number.MAX_SAFE_INTEGER],
        nested: { deeper: { list: [{ a: null }, [], {}, [[true, false]]] } },
        'clé avec espace': 1,
        '': 'empty key',
      };
      const metadata = {
        actor: { id: 'agent-Zoë', role: 'référent·e' },
        correlationId: '🧵-1',
        occurredAt: '2026-03-01',
        workflowVersion: 2,
      };
      const streamId = uniqueStreamId('unicode-é-🏠');
      const event = newEvent('AdresseModifiée', data, metadata);
      const marker = await startMarker(store);
      const appended = await store.append(streamId, [event]);
      const [read] = await store.readStream(streamId);
      const [fromAll] = await readAllEventually(store, marker, new Set([streamId]), 1);
      for (const stored of [appended.events[0], read, fromAll]) {
        expect(stored.data).toEqual(data);
        expect(stored.metadata).toEqual({ ...metadata, recordedAt: clock.now().toISOString() });
        expect(stored.type).toBe('AdresseModifiée');
        expect(stored.streamId).toBe(streamId);
      }
      expect(read).toEqual(appended.events[0]);
      expect((await store.verifyStream(streamId)).ok).toBe(true);
    });

    it(`round-trips a ${(largePayloadBytes / 1e6).toFixed(1)} MB payload and large metadata`, async () => {
      const store = getStore();
      const big = 'Ab€😀'.repeat(Math.ceil((largePayloadBytes * 0.8) / 9)); // 9 UTF-8 bytes each
      const data = { big, rows: Array.from({ length: Math.ceil(largePayloadBytes / 100) }, (_, i) => ({ i, label: `ligne ${i} – é` })) };
      expect(Buffer.byteLength(JSON.stringify(data))).toBeGreaterThan(largePayloadBytes);
      const metadata = { notes: 'm'.repeat(Math.ceil(largePayloadBytes / 10)) };
      const streamId = uniqueStreamId();
      await store.append(streamId, [newEvent('Big', data, metadata), newEvent('Small', { ok: true })]);
      const [read] = await store.readStream(streamId, { limit: 1 });
      expect(read.data).toEqual(data);
      expect(read.metadata.notes).toBe(metadata.notes);
      expect((await store.verifyStream(streamId)).ok).toBe(true);
    });

    it('takes recordedAt from the injected clock, never from the caller', async () => {
      const store = getStore();
      const streamId = uniqueStreamId();
      clock.set('2026-05-04T03:02:01.000Z');
      await store.append(streamId, [newEvent('A', {}, { recordedAt: '1999-01-01T00:00:00.000Z' })]);
      clock.advance(90_000);
      await store.append(streamId, [newEvent('B'), newEvent('C')]);
      const events = await store.readStream(streamId);
      expect(events.map((e) => e.metadata.recordedAt)).toEqual(['2026-05-04T03:02:01.000Z', '2026-05-04T03:03:31.000Z', '2026-05-04T03:03:31.000Z']);
    });

    it('keeps schemaVersion and null or scalar data', async () => {
      const store = getStore();
      const streamId = uniqueStreamId();
      await store.append(streamId, [
        { ...newEvent('V3', { shape: 'new' }), schemaVersion: 3 },
        newEvent('Nothing', null),
        newEvent('Text', 'just a string'),
        newEvent('Number', 42),
      ]);
      const events = await store.readStream(streamId);
      expect(events.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
        ['V3', 3, { shape: 'new' }],
        ['Nothing', 1, null],
        ['Text', 1, 'just a string'],
        ['Number', 1, 42],
      ]);
    });
  });
}
