import { deepFreeze } from './plain-data';
import type { WorkflowSnapshot } from './workflow-snapshot';

/**
 * Snapshots are a cache, never the truth. A command trusts a cached snapshot and appends with its
 * version: if another writer moved the stream on, the store refuses the append (wrong expected
 * version) and the runner drops the entry, replays the stream and decides again. Reads (load) fold
 * the events after the cached version. An implementation may drop entries at any time; it stores and
 * hands out deep-frozen snapshots (deepFreeze), so sharing one never needs a copy.
 */
export interface SnapshotCache {
  get(streamId: string): Promise<WorkflowSnapshot<unknown> | undefined>;
  put(streamId: string, snapshot: WorkflowSnapshot<unknown>): Promise<void>;
  delete(streamId: string): Promise<void>;
}

export class InMemorySnapshotCache implements SnapshotCache {
  private readonly entries = new Map<string, WorkflowSnapshot<unknown>>();

  async get(streamId: string): Promise<WorkflowSnapshot<unknown> | undefined> {
    return this.entries.get(streamId);
  }

  async put(streamId: string, snapshot: WorkflowSnapshot<unknown>): Promise<void> {
    this.entries.set(streamId, deepFreeze(snapshot));
  }

  async delete(streamId: string): Promise<void> {
    this.entries.delete(streamId);
  }
}
