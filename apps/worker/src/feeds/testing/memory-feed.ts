import { randomUUID } from 'node:crypto';
import type { FeedRecord } from '../../../../../projections/feeds/feed-record';
import type { FeedSource } from '../feed-source.port';
import { RelayFenced, type RelayPositionStore } from '../relay-position.port';

/** Records shaped like the real ones, numbered 1..n unless told otherwise. */
export function sampleRecords(n: number, firstSequence = 1): FeedRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    schemaVersion: 1,
    recordId: randomUUID(),
    sequence: firstSequence + i,
    funderId: i % 3 === 0 ? 'caf-x' : 'departement-x',
    conventionId: `conv-${i % 4}`,
    trajectoryPseudonym: `p${i % 7}`.padEnd(64, '0'),
    kind: 'month-measure-counted',
    businessDate: '2026-03-01',
    profile: { composition: 'single', childrenBand: '0', ageBand: '25-34', resourcesType: 'salary' },
    details: { month: '2026-03' },
  }));
}

export class MemoryFeedSource implements FeedSource {
  constructor(readonly records: FeedRecord[] = []) {}

  async readAfter(sequence: number, limit: number): Promise<FeedRecord[]> {
    return this.records.filter((r) => r.sequence > sequence).slice(0, limit);
  }
}

export class MemoryPositionStore implements RelayPositionStore {
  readonly positions = new Map<string, number>();
  /** Makes the next save throw (after nothing was stored), as a crash right after the ack would. */
  failNextSave: Error | undefined;

  async load(relay: string): Promise<number> {
    return this.positions.get(relay) ?? 0;
  }

  async save(relay: string, from: number, to: number): Promise<void> {
    if (this.failNextSave) {
      const e = this.failNextSave;
      this.failNextSave = undefined;
      throw e;
    }
    if ((this.positions.get(relay) ?? 0) !== from) throw new RelayFenced(relay, from);
    this.positions.set(relay, to);
  }
}
