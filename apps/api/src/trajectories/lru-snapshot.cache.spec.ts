import type { WorkflowSnapshot } from '../../../../workflows/engine/src';
import { LruSnapshotCache } from './lru-snapshot.cache';

const snapshot = (version: number): WorkflowSnapshot<unknown> => ({
  workflow: 'trajectory',
  workflowVersion: 1,
  version,
  stage: 'saisine',
  value: 'saisine',
  context: { motives: ['access'] },
  status: 'active',
});

describe('bounded snapshot cache', () => {
  it('hands out a snapshot nothing can change', async () => {
    const cache = new LruSnapshotCache();
    await cache.put('s', snapshot(1));
    const a = (await cache.get('s')) as WorkflowSnapshot<{ motives: string[] }>;
    expect(() => a.context.motives.push('changed')).toThrow(TypeError);
    expect(() => Object.assign(a, { version: 9 })).toThrow(TypeError);
    expect(await cache.get('s')).toEqual(snapshot(1));
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = new LruSnapshotCache(2);
    await cache.put('a', snapshot(1));
    await cache.put('b', snapshot(1));
    await cache.get('a');
    await cache.put('c', snapshot(1));
    expect(cache.size).toBe(2);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
  });

  it('forgets an entry on delete', async () => {
    const cache = new LruSnapshotCache();
    await cache.put('a', snapshot(3));
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
  });
});
