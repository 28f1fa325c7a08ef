import type { FeedRecord } from '../../../../../projections/feeds/feed-record';
import type { FeedSink } from '../feed.sink';

/**
 * A sink that keeps what it accepted and fails where a test says:
 * - 'before-publish': rejects without accepting anything (broker down);
 * - 'after-publish': accepts the batch, then rejects (the acknowledgement was lost).
 */
export type FailurePoint = 'before-publish' | 'after-publish';

export class ScriptedFeedSink implements FeedSink {
  readonly name = 'scripted';
  readonly delivered: FeedRecord[] = [];
  calls = 0;
  private readonly plan = new Map<number, FailurePoint>();

  /** Fails the n-th publish call (1-based) at the given point. */
  failAt(call: number, point: FailurePoint): this {
    this.plan.set(call, point);
    return this;
  }

  async publish(records: readonly FeedRecord[]): Promise<void> {
    this.calls++;
    const failure = this.plan.get(this.calls);
    if (failure === 'before-publish') throw new Error(`sink down (call ${this.calls})`);
    this.delivered.push(...records);
    if (failure === 'after-publish') throw new Error(`acknowledgement lost (call ${this.calls})`);
  }

  async close(): Promise<void> {}
}
