import { randomUUID } from 'node:crypto';
import type { AppendResult, Checkpoint, ExpectedVersion, NewEvent, ReadAllOptions, RecordedEvent } from '../../../libs/event-store/src/event-store.port';
import { compareCheckpoints, START } from '../checkpoint';

/**
 * Just enough of the store for runner unit tests: append and readAll with "commit/position"
 * checkpoints. The real adapters are tested by the store's contract suite.
 */
export class MemoryEventStore {
  readonly events: RecordedEvent[] = [];
  private readonly versions = new Map<string, number>();
  /** Set to make readAll fail, to test how the runner copes. */
  failReads: Error | undefined;

  async append(streamId: string, events: NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    const current = this.versions.get(streamId) ?? 0;
    const expected = options.expectedVersion ?? 'any';
    if ((expected === 'no-stream' && current > 0) || (typeof expected === 'number' && expected !== current) || (expected === 'stream-exists' && current === 0)) {
      throw new Error(`wrong expected version ${String(expected)} for ${streamId} at ${current}`);
    }
    const out: RecordedEvent[] = [];
    const commit = this.events.length + 1;
    for (const e of events) {
      const version = (this.versions.get(streamId) ?? 0) + 1;
      this.versions.set(streamId, version);
      const globalPosition = this.events.length + 1;
      const recorded: RecordedEvent = {
        id: e.id ?? randomUUID(),
        streamId,
        version,
        globalPosition,
        checkpoint: `${commit}/${globalPosition}`,
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: e.data,
        metadata: { ...e.metadata, recordedAt: new Date(0).toISOString() },
        hash: '',
      };
      this.events.push(recorded);
      out.push(recorded);
    }
    return { nextExpectedVersion: this.versions.get(streamId) ?? 0, events: out };
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (this.failReads) throw this.failReads;
    const after: Checkpoint = options.after ?? START;
    // Checkpoints only grow with the array: binary search for the first one after `after`.
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCheckpoints(this.events[mid].checkpoint, after) > 0) hi = mid;
      else lo = mid + 1;
    }
    return this.events.slice(lo, lo + (options.limit ?? this.events.length));
  }

  async info() {
    const last = this.events[this.events.length - 1];
    return { kind: 'memory' as const, schemaVersion: 1, lastPosition: last?.checkpoint ?? START, lastGlobalPosition: last?.globalPosition ?? 0 };
  }
}
