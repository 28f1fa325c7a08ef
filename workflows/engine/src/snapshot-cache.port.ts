import type { WorkflowSnapshot } from './workflow-snapshot';

/**
 * Snapshots are a cache, never the truth: the runner reads only the events after a cached
 * version, checks they follow on, and falls back to a full replay whenever anything looks off.
 * An implementation may drop entries at any time.
 */
export interface SnapshotCache {
  get(streamId: string): Promise<WorkflowSnapshot<unknown> | undefined>;
  put(streamId: string, snapshot: WorkflowSnapshot<unknown>): Promise<void>;
  delete(streamId: string): Promise<void>;
}

export class InMemorySnapshotCache implements SnapshotCache {
  private readonly entries = new Map<string, WorkflowSnapshot<unknown>>();

  async get(streamId: string): Promise<WorkflowSnapshot<unknown> | undefined> {
    const entry = this.entries.get(streamId);
    return entry ? structuredClone(entry) : undefined;
  }

  async put(streamId: string, snapshot: WorkflowSnapshot<unknown>): Promise<void> {
    this.entries.set(streamId, structuredClone(snapshot));
  }

  async delete(streamId: string): Promise<void> {
    this.entries.delete(streamId);
  }
}
