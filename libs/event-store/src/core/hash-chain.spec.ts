import { createHash } from 'node:crypto';
import { ChainVerifier, GENESIS_HASH, canonicalBody, canonicalEvent, chainHash, completeCanonical, readVerifiedStream, verifyEvents } from './hash-chain';
import type { RecordedEvent } from '../event-store.port';

const fields = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  streamId: 'trajectory-1',
  type: 'SaisineReceived',
  schemaVersion: 1,
  data: { b: 'é', a: 1 },
  metadata: { recordedAt: '2026-01-01T00:00:00.000Z' },
};

describe('hash chain', () => {
  it('has the canonical form of the whole envelope, version last', () => {
    expect(canonicalEvent({ ...fields, version: 12 })).toBe(
      '{"data":{"a":1,"b":"é"},"id":"0f8fad5b-d9cb-469f-a165-70867728950e","metadata":{"recordedAt":"2026-01-01T00:00:00.000Z"},' +
        '"schemaVersion":1,"streamId":"trajectory-1","type":"SaisineReceived","version":12}',
    );
    expect(completeCanonical(canonicalBody(fields), 12)).toBe(canonicalEvent({ ...fields, version: 12 }));
    expect(JSON.parse(canonicalEvent({ ...fields, version: 3 }))).toEqual({ ...fields, version: 3 });
  });

  it('is sha-256 over the previous hash bytes then the canonical UTF-8 bytes', () => {
    const text = canonicalEvent({ ...fields, version: 1 });
    const expected = createHash('sha256').update(Buffer.concat([Buffer.alloc(32), Buffer.from(text, 'utf8')])).digest('hex');
    expect(chainHash(GENESIS_HASH, text)).toBe(expected);
  });

  it('finds the first broken link and stops there', () => {
    const events: RecordedEvent[] = [];
    let previous = GENESIS_HASH;
    for (let version = 1; version <= 4; version += 1) {
      const base = { ...fields, id: `0f8fad5b-d9cb-469f-a165-7086772895${version}e`, version, data: { version } };
      previous = chainHash(previous, canonicalEvent(base));
      events.push({ ...base, globalPosition: version, checkpoint: `1/${version}`, hash: previous } as RecordedEvent);
    }
    const intact = new ChainVerifier('trajectory-1');
    events.forEach((e) => intact.push(e));
    expect(intact.result()).toEqual({ streamId: 'trajectory-1', ok: true, eventsChecked: 4 });

    const broken = new ChainVerifier('trajectory-1');
    const tampered = events.map((e) => (e.version === 2 ? { ...e, data: { version: 20 } } : e));
    tampered.forEach((e) => broken.push(e));
    expect(broken.result()).toMatchObject({ ok: false, eventsChecked: 2, firstBroken: { version: 2, storedHash: events[1].hash, reason: 'hash-mismatch' } });

    const gap = new ChainVerifier('trajectory-1');
    [events[0], events[2]].forEach((e) => gap.push(e));
    expect(gap.result().firstBroken).toMatchObject({ version: 3, reason: 'out-of-sequence' });
  });

  it('checks the events of one read, and says ok or names the first broken one', async () => {
    const events: RecordedEvent[] = [];
    let previous = GENESIS_HASH;
    for (let version = 1; version <= 3; version += 1) {
      const base = { ...fields, id: `1f8fad5b-d9cb-469f-a165-7086772895${version}e`, version, data: { version } };
      previous = chainHash(previous, canonicalEvent(base));
      events.push({ ...base, globalPosition: version, checkpoint: `1/${version}`, hash: previous } as RecordedEvent);
    }
    expect(verifyEvents('trajectory-1', events)).toEqual({ streamId: 'trajectory-1', ok: true, eventsChecked: 3 });
    const altered = events.map((e) => (e.version === 2 ? { ...e, metadata: { ...e.metadata, recordedAt: '2027-01-01T00:00:00.000Z' } } : e));
    expect(verifyEvents('trajectory-1', altered)).toMatchObject({ ok: false, eventsChecked: 2, firstBroken: { version: 2, id: events[1].id } });

    let reads = 0;
    const store = { readStream: async () => (reads++, altered) };
    const verified = await readVerifiedStream(store, 'trajectory-1');
    expect(reads).toBe(1);
    expect(verified.events).toBe(altered);
    expect(verified.integrity.firstBroken?.version).toBe(2);
  });
});
