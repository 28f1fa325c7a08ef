import type { Clock } from '../../../../libs/domain/src';
import type { RetentionSweep, SweepResult } from '../../../../libs/privacy/src';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RetentionJobOptions {
  sweep: Pick<RetentionSweep, 'run'>;
  clock: Clock;
  /** Waits until the retention read model has caught up; a run that cannot wait is skipped, not guessed. */
  ready(): Promise<void>;
  logger: { info(message: string): void; error(message: string): void };
  /** Default: once a day. */
  everyMs?: number;
  /** After a failed run (read model not ready, database down): try again sooner. Default 10 minutes. */
  retryMs?: number;
  timers?: Timers;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The worker's retention job: a sweep at start, then every day. Erasing is idempotent and each run
 * recomputes from the read model, so a run missed (worker down) is simply done by the next one.
 */
export class RetentionJob {
  private handle: unknown;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly timers: Timers;

  constructor(private readonly options: RetentionJobOptions) {
    this.timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  }

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    await this.running;
  }

  /** One run now; resolves with what it did, or undefined when it could not run. */
  async runOnce(): Promise<SweepResult | undefined> {
    const { sweep, ready, logger, clock } = this.options;
    try {
      await ready();
      const result = await sweep.run((p) => {
        const d = p.decision;
        const what = p.error ? `FAILED (${p.error.message})` : 'erased';
        logger.info(`retention: [${p.done}/${p.total}] household ${d.householdId} ${what}: last contact ${d.lastContactOn}, ${d.programme} keeps ${d.retentionMonths} months, expired ${d.expiresOn}`);
      });
      logger.info(`retention: ${result.erased.length} household(s) erased, ${result.failed.length} failed (run of ${result.today}, ${clock.now().toISOString()})`);
      return result;
    } catch (error) {
      logger.error(`retention: run skipped: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.handle = this.timers.setTimeout(() => {
      this.running = this.runOnce().then((result) => this.schedule(result ? (this.options.everyMs ?? DAY_MS) : (this.options.retryMs ?? 10 * 60 * 1000)));
    }, ms);
  }
}
