import type { SqlDatabase } from '../sql/sql-database';

/**
 * Announces appends to other processes' subscribers with NOTIFY, after the append has committed.
 *
 * NOTIFY inside the appending transaction would hold PostgreSQL's notification lock through that
 * transaction's WAL flush, so concurrent appends could no longer share a flush (ADR 0001). Here the
 * NOTIFY is its own tiny transaction with synchronous_commit off (a lost wake-up only costs a poll
 * interval), sent in the background, at most one in flight and one every `minIntervalMs`: a burst
 * of appends costs a handful of notifications, and subscribers wake at most that much later.
 */
export class AppendNotifier {
  private pending = false;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = 0;
  private closed = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly channel: string,
    private readonly minIntervalMs = 5,
  ) {}

  /** Something was appended: make sure a notification follows. Never waits, never throws. */
  poke(): void {
    this.pending = true;
    this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private flush(): void {
    if (this.closed || !this.pending || this.inFlight || this.timer) return;
    const wait = this.lastSentAt + this.minIntervalMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
      this.timer.unref();
      return;
    }
    this.pending = false;
    this.lastSentAt = Date.now();
    this.inFlight = this.db
      .query("SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, '')", [this.channel])
      .then(
        () => undefined,
        () => undefined, // subscribers fall back to polling
      )
      .finally(() => {
        this.inFlight = undefined;
        this.flush();
      });
  }
}
