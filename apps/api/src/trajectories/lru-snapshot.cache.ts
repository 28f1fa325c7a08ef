import type { SnapshotCache, WorkflowSnapshot } from '../../../../workflows/engine/src';

/**
 * The runner's snapshot cache, bounded: a command on a cached trajectory reads and folds only the
 * events after the cached version instead of the whole stream. It is a cache, never the truth (the
 * runner checks the events follow on and replays in full otherwise), so dropping the least recently
 * used entry is always safe. Snapshots hold categorical context only, no personal data.
 */
export class LruSnapshotCache implements SnapshotCache {
  private readonly entries = new Map<string, WorkflowSnapshot<unknown>>();

  constructor(private readonly maxEntries = 10_000) {}

  async get(streamId: string): Promise<WorkflowSnapshot<unknown> | undefined> {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    // Copies in and out: the runner and the machine must never share an object with the cache.
    return structuredClone(entry);
  }

  async put(streamId: string, snapshot: WorkflowSnapshot<unknown>): Promise<void> {
    this.entries.delete(streamId);
    this.entries.set(streamId, structuredClone(snapshot));
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  async delete(streamId: string): Promise<void> {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
