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
  it('returns copies, never the cached object', async () => {
    const cache = new LruSnapshotCache();
    await cache.put('s', snapshot(1));
    const a = (await cache.get('s')) as WorkflowSnapshot<{ motives: string[] }>;
    a.context.motives.push('changed');
    expect((await cache.get('s'))?.context).toEqual({ motives: ['access'] });
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
