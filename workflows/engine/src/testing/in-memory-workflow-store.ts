import type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from '../event-envelope';
import type { WorkflowStore } from '../workflow-store.port';

class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly actualVersion?: number,
  ) {
    super(message);
  }
}

/**
 * A minimal store for engine tests, with the real store's failure codes. `beforeAppend` lets a
 * test slip a concurrent writer in between a runner's read and its append.
 */
export class InMemoryWorkflowStore implements WorkflowStore {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private recorded = 0;
  beforeAppend?: (streamId: string) => Promise<void> | void;

  constructor(private readonly now: () => string = () => '2026-01-01T00:00:00.000Z') {}

  async append(streamId: string, events: NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    const hook = this.beforeAppend;
    if (hook) {
      this.beforeAppend = undefined;
      await hook(streamId);
    }
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length;
    const expected = options.expectedVersion ?? 'any';
    const ok =
      expected === 'any' || (expected === 'no-stream' && actual === 0) || (expected === 'stream-exists' && actual > 0) || expected === actual;
    if (!ok) throw new StoreError('wrong-expected-version', `Stream ${streamId} is at ${actual}, not ${String(expected)}`, actual);
    const added = events.map<RecordedEvent>((e, i) => ({
      id: e.id,
      streamId,
      version: actual + i + 1,
      type: e.type,
      schemaVersion: e.schemaVersion ?? 1,
      data: structuredClone(e.data),
      metadata: { ...structuredClone(e.metadata ?? {}), recordedAt: this.now() },
    }));
    this.recorded += added.length;
    this.streams.set(streamId, [...stream, ...added]);
    return { nextExpectedVersion: actual + added.length, events: added };
  }

  async readStream(streamId: string, options: { from?: number } = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId);
    if (!stream || stream.length === 0) throw new StoreError('stream-not-found', `No stream ${streamId}`);
    return structuredClone(stream.slice((options.from ?? 1) - 1));
  }

  /** Test helper: put events in as if another process had written them. */
  seed(streamId: string, events: RecordedEvent[]): void {
    this.streams.set(streamId, structuredClone(events));
  }

  get totalRecorded(): number {
    return this.recorded;
  }
}

/** Deterministic ids for tests: 00000000-0000-4000-8000-000000000001, ...02, ... */
export class SequentialIds {
  private n = 0;
  constructor(private readonly prefix = '00000000-0000-4000-8000-') {}
  next(): string {
    this.n += 1;
    return `${this.prefix}${String(this.n).padStart(12, '0')}`;
  }
}
