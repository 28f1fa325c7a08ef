import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { SqlExecutor } from '../../../../projections/core/sql.port';
import { latestSequence } from '../../../../projections/feeds/feed.queries';
import { FEED_DATABASE, FEED_HTTP_OPTIONS, type FeedHttpOptions } from './feeds.tokens';

/**
 * One poll of the feed's last sequence for every open event stream of this process, and only while
 * some stream is waiting: a thousand idle subscribers cost one cheap query per interval, not a
 * thousand. Records are written by another process (the worker), so there is nothing to be told.
 */
@Injectable()
export class FeedTail implements OnModuleDestroy {
  private readonly waiters = new Set<() => void>();
  private readonly closing = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private last: bigint | undefined;

  constructor(
    @Inject(FEED_DATABASE) private readonly db: SqlExecutor,
    @Inject(FEED_HTTP_OPTIONS) private readonly options: FeedHttpOptions,
  ) {}

  /** Aborted when the application shuts down: open streams end so the server can close. */
  get shutdown(): AbortSignal {
    return this.closing.signal;
  }

  /**
   * Arms a wait: `changed` resolves when a poll finds the feed grew, when `timeoutMs` passed (time
   * for a heartbeat), or when the signal or the shutdown aborts. Arm it before reading a page: a
   * record committed after that read is then always noticed by a later poll.
   */
  watch(signal: AbortSignal, timeoutMs: number): { changed: Promise<void>; cancel(): void } {
    let done: () => void = () => undefined;
    const changed = new Promise<void>((resolve) => {
      done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.closing.signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
    });
    if (signal.aborted || this.closing.signal.aborted) {
      done();
    } else {
      signal.addEventListener('abort', done, { once: true });
      this.closing.signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
      this.schedule();
    }
    return { changed, cancel: done };
  }

  onModuleDestroy(): void {
    this.closing.abort();
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer || this.closing.signal.aborted) return;
    this.timer = setTimeout(() => void this.poll(), this.options.pollMs);
  }

  private async poll(): Promise<void> {
    try {
      const latest = await latestSequence(this.db);
      // A waiter read its page before it started waiting; any change since the previous poll (or a
      // first poll, with nothing to compare to) may be news to it, so it reads again.
      if (this.last === undefined || latest !== this.last) for (const wake of [...this.waiters]) wake();
      this.last = latest;
    } catch {
      // A failed poll wakes nobody; the streams' own reads report a database that is really gone.
    } finally {
      this.timer = undefined;
      if (this.waiters.size > 0) this.schedule();
    }
  }
}
