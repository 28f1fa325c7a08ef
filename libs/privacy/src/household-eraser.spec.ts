import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '../../../apps/api/src/testing/in-memory-event-store';
import { FixedClock } from '../../domain/src';
import { EncryptingEventStore } from '../../crypto/src/encrypting-event.store';
import { InMemoryKeyStore } from '../../crypto/src/in-memory-key.store';
import { InMemorySnapshotCache } from '../../../workflows/engine/src/snapshot-cache.port';
import { HouseholdAlreadyErased, HouseholdEraser, snapshotCachePurger } from './household-eraser';
import { HOUSEHOLD_ERASED, householdStreamId } from './household-erased.event';
import { RetentionSweep } from './retention.sweep';

const admin = { id: 'admin-1', role: 'admin' as const };
const ids = { next: () => randomUUID() };

function world(now = '2026-06-01T10:00:00Z') {
  const clock = new FixedClock(now);
  const keys = new InMemoryKeyStore();
  const store = new EncryptingEventStore(new InMemoryEventStore(clock), keys);
  const snapshots = new InMemorySnapshotCache();
  const eraser = new HouseholdEraser({ keys, store, clock, ids, purgers: [snapshotCachePurger(snapshots)] });
  const open = async (householdId: string, on = '2024-01-10') => {
    const trajectoryId = randomUUID();
    const streamId = `trajectory-${trajectoryId}`;
    await store.append(streamId, [
      { id: randomUUID(), type: 'SaisineReceived', data: { householdId, personal: { household: { lastName: 'Zébulon' } } }, metadata: { householdId, occurredAt: on } },
    ]);
    await snapshots.put(streamId, { version: 1 } as never);
    return { trajectoryId, streamId };
  };
  return { clock, keys, store, snapshots, eraser, open };
}

describe('household eraser', () => {
  it('destroys the key, purges the snapshot cache and records HouseholdErased without personal data', async () => {
    const w = world();
    const h = randomUUID();
    const a = await w.open(h);
    const b = await w.open(h);
    const outcome = await w.eraser.erase(h, { reason: 'household-request', actor: admin });
    expect(outcome).toMatchObject({ householdId: h, reason: 'household-request', erasedOn: '2026-06-01', trajectoryIds: [a.trajectoryId, b.trajectoryId], keyDestroyed: true });
    expect(await w.keys.status(h)).toBe('destroyed');
    expect(await w.snapshots.get(a.streamId)).toBeUndefined();
    const [record] = await w.store.readStream(householdStreamId(h));
    expect(record).toMatchObject({ type: HOUSEHOLD_ERASED, metadata: { actor: admin, occurredAt: '2026-06-01', householdId: h } });
    expect(JSON.stringify(record)).not.toContain('Zébulon');
    expect((await w.store.readStream(a.streamId))[0].data).toMatchObject({ personal: { $erased: true } });
    await expect(w.eraser.erase(h, { reason: 'household-request', actor: admin })).rejects.toBeInstanceOf(HouseholdAlreadyErased);
  });

  it('answers not found for a household it never heard of, and finishes an erasure a crash interrupted', async () => {
    const w = world();
    await expect(w.eraser.erase('nobody', { reason: 'household-request', actor: admin })).rejects.toMatchObject({ code: 'household-not-found' });
    const h = randomUUID();
    await w.open(h);
    await w.keys.destroy(h, 'household-request');
    expect(await w.eraser.erase(h, { reason: 'household-request', actor: admin })).toMatchObject({ keyDestroyed: false });
    expect(await w.eraser.erasureOf(h)).toBeDefined();
  });
});

describe('retention sweep (FixedClock)', () => {
  it('lists and erases only households whose retention ran out, each once', async () => {
    const w = world('2026-01-10T09:00:00Z');
    const old = randomUUID();
    const recent = randomUUID();
    await w.open(old, '2024-01-09');
    await w.open(recent, '2024-06-01');
    const candidates = [
      { householdId: old, lastContactOn: '2024-01-09', programmes: ['avdl-generic'], trajectories: 1 },
      { householdId: recent, lastContactOn: '2024-06-01', programmes: ['avdl-generic'], trajectories: 1 },
    ];
    const sweep = new RetentionSweep({ candidates: async () => candidates, retentionMonthsOf: () => 24, eraser: w.eraser, clock: w.clock });
    expect((await sweep.plan()).map((d) => [d.householdId, d.expiresOn])).toEqual([[old, '2026-01-09']]);
    const progress: string[] = [];
    const result = await sweep.run((p) => progress.push(`${p.done}/${p.total} ${p.decision.householdId}`));
    expect(result.erased.map((e) => [e.householdId, e.reason])).toEqual([[old, 'retention-expired']]);
    expect(progress).toEqual([`1/1 ${old}`]);
    expect(await w.keys.status(recent)).toBe('live');
    // The read model still lists it until it catches up: the recorded erasure keeps it from a second run.
    expect(await sweep.plan()).toEqual([]);
    w.clock.set('2026-06-02T09:00:00Z');
    expect((await sweep.plan()).map((d) => d.householdId)).toEqual([recent]);
  });
});
