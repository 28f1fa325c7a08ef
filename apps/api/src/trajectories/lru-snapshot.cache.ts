import { deepFreeze, type SnapshotCache, type WorkflowSnapshot } from '../../../../workflows/engine/src';

/**
 * The runner's snapshot cache, bounded: a command on a cached trajectory decides on the cached
 * snapshot and appends with its version, reading nothing. It is a cache, never the truth (a stale
 * entry is caught by the append's version check, then dropped and the stream replayed), so dropping
 * the least recently used entry is always safe. Snapshots hold categorical context only, no personal data.
 */
export class LruSnapshotCache implements SnapshotCache {
  private readonly entries = new Map<string, WorkflowSnapshot<unknown>>();

  constructor(private readonly maxEntries = 10_000) {}

  async get(streamId: string): Promise<WorkflowSnapshot<unknown> | undefined> {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    // Frozen on the way in, so it is handed out as it is: nothing can change it, no copy is needed.
    return entry;
  }

  async put(streamId: string, snapshot: WorkflowSnapshot<unknown>): Promise<void> {
    this.entries.delete(streamId);
    this.entries.set(streamId, deepFreeze(snapshot));
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
