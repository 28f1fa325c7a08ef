import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { latestSequence } from '../../../../projections/feeds/feed.queries';
import { FEED_NOTIFY_CHANNEL } from '../../../../projections/feeds/feed.tables';
import { FEED_DATABASE, FEED_HTTP_OPTIONS, type FeedDatabase, type FeedHttpOptions } from './feeds.tokens';

/**
 * Wakes the open event streams of this process when the feed grows. The feed projection notifies
 * FEED_NOTIFY_CHANNEL when it commits records (LISTEN on PostgreSQL and PGlite), and one poll of
 * the last sequence, shared by every stream and run only while some stream waits, covers a lost
 * notification or a database without LISTEN: a thousand idle subscribers cost one cheap query per
 * interval, not a thousand.
 */
@Injectable()
export class FeedTail implements OnModuleInit, OnModuleDestroy {
  private readonly waiters = new Set<() => void>();
  private readonly closing = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private last: bigint | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    @Inject(FEED_DATABASE) private readonly db: FeedDatabase,
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

  async onModuleInit(): Promise<void> {
    if (typeof this.db.listen !== 'function') return;
    try {
      this.unlisten = await this.db.listen(FEED_NOTIFY_CHANNEL, () => this.wakeAll());
    } catch {
      // No LISTEN here (a pooler in transaction mode...): the poll alone keeps the tails moving.
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closing.abort();
    clearTimeout(this.timer);
    await this.unlisten?.().catch(() => undefined);
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
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
      if (this.last === undefined || latest !== this.last) this.wakeAll();
      this.last = latest;
    } catch {
      // A failed poll wakes nobody; the streams' own reads report a database that is really gone.
    } finally {
      this.timer = undefined;
      if (this.waiters.size > 0) this.schedule();
    }
  }
}
