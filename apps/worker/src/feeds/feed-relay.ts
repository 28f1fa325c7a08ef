import type { ProjectionLock } from '../../../../projections/core/projection.lock';
import type { FeedSink } from './feed.sink';
import type { FeedSource } from './feed-source.port';
import type { RelayPositionStore } from './relay-position.port';

export interface RelayLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface FeedRelayOptions {
  /** Names the stored position and the lock: one relay per sink across every process. */
  name: string;
  source: FeedSource;
  positions: RelayPositionStore;
  sink: FeedSink;
  /** Held while publishing, so two workers never publish the same records side by side. */
  lock?: ProjectionLock;
  batchSize?: number;
  /** Poll interval once caught up; wake() cuts it short. */
  idleMs?: number;
  /** Longest back-off after repeated failures. */
  maxBackoffMs?: number;
  logger?: RelayLogger;
}

export interface RelayStatus {
  name: string;
  state: 'idle' | 'waiting-for-lock' | 'running' | 'failing' | 'stopped';
  position: number | undefined;
  published: number;
  lastError?: string;
}

const silent: RelayLogger = { info: () => undefined, error: () => undefined };

/**
 * Moves records from the outbox to a sink. The order of the two writes is the whole guarantee:
 * publish first, and store the position only after the sink acknowledged. A crash before the
 * position is stored sends the batch again (duplicates, deduplicated by record id downstream);
 * nothing can mark a record as sent that the sink did not accept, so none is ever lost.
 */
export class FeedRelay {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: RelayLogger;
  private state: RelayStatus['state'] = 'idle';
  private position: number | undefined;
  private published = 0;
  private lastError: string | undefined;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private readonly caughtUpWaiters: (() => void)[] = [];

  constructor(private readonly options: FeedRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = options.logger ?? silent;
  }

  status(): RelayStatus {
    return { name: this.options.name, state: this.state, position: this.position, published: this.published, lastError: this.lastError };
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run().finally(() => {
      this.state = 'stopped';
      this.loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.wakeUp?.();
    await this.loop;
  }

  /** New records were written: do not wait for the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Resolves the next time the relay finds nothing left to publish. */
  whenCaughtUp(): Promise<void> {
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  /**
   * Publishes at most one batch and returns its size. Reads the stored position each time rather
   * than trusting memory: after a failure, a fencing or a restart the stored one is the truth.
   */
  async step(): Promise<number> {
    const { name, source, positions, sink } = this.options;
    const from = await positions.load(name);
    this.position = from;
    const batch = await source.readAfter(from, this.batchSize);
    if (batch.length === 0) return 0;
    await sink.publish(batch);
    const to = batch[batch.length - 1].sequence;
    await positions.save(name, from, to);
    this.position = to;
    this.published += batch.length;
    return batch.length;
  }

  /** Publishes until nothing is left (the CLI and tests); errors propagate. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.step(); n > 0; n = await this.step()) total += n;
    return total;
  }

  private async run(): Promise<void> {
    const { lock, name } = this.options;
    let failures = 0;
    while (!this.abort.signal.aborted) {
      this.state = 'waiting-for-lock';
      const handle = lock ? await lock.acquire(`feed-relay:${name}`, { signal: this.abort.signal }) : undefined;
      if (lock && !handle) return;
      let lost: Error | undefined;
      void handle?.lost.then((e) => {
        lost = e;
        this.wakeUp?.();
      });
      try {
        this.state = 'running';
        while (!this.abort.signal.aborted && !lost) {
          const n = await this.step();
          failures = 0;
          this.lastError = undefined;
          if (n === 0) {
            for (const resolve of this.caughtUpWaiters.splice(0)) resolve();
            await this.idle(this.idleMs);
          }
        }
        if (lost) this.logger.error(`feed relay ${name}: lock lost (${lost.message}); waiting to take it again`);
      } catch (e) {
        failures++;
        this.state = 'failing';
        this.lastError = e instanceof Error ? e.message : String(e);
        this.logger.error(`feed relay ${name}: ${this.lastError}; retrying from the stored position`);
        await this.idle(Math.min(this.maxBackoffMs, 50 * 2 ** Math.min(failures, 10)));
      } finally {
        await handle?.release();
      }
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.abort.signal.aborted || this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        this.woken = false;
        done();
      };
    });
  }
}
