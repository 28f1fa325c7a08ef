import type { Checkpoint, EventStore, RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { START } from './checkpoint';
import { checkpointRepository } from './checkpoint.repository';
import type { ProjectionLock } from './projection.lock';
import type { Projection, ProjectionTx } from './projection.port';
import type { ProjectionSchema } from './projection.schema';
import type { ProjectionDatabase } from './sql.port';

export interface RunnerLogger {
  info(message: string): void;
  /** `error`, when there is one, so a log can keep its stack. */
  error(message: string, error?: unknown): void;
}

export interface ProjectionRunnerOptions {
  store: Pick<EventStore, 'readAll'>;
  db: ProjectionDatabase;
  schema: ProjectionSchema;
  lock: ProjectionLock;
  projection: Projection;
  batchSize?: number;
  /** Poll interval once caught up; wake() cuts it short when the caller knows something arrived. */
  idleMs?: number;
  logger?: RunnerLogger;
  /**
   * Test seam for the crash tests: called inside the batch transaction once the projection has
   * written the batch's rows and before the checkpoint moves, the worst moment to die.
   * Production never sets it.
   */
  onMidBatch?: (info: { projection: string; from: Checkpoint; size: number }) => Promise<void>;
}

export interface RunnerStatus {
  name: string;
  state: 'idle' | 'waiting-for-lock' | 'running' | 'stopped' | 'failing';
  /** Last committed checkpoint this runner knows of. */
  checkpoint: Checkpoint | undefined;
  lastError?: string;
}

const silent: RunnerLogger = { info: () => undefined, error: () => undefined };

/**
 * Reads $all from the projection's checkpoint and applies each batch together with its new
 * checkpoint in one transaction: a crash at any point leaves either the whole batch or none of it.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly logger: RunnerLogger;
  private state: RunnerStatus['state'] = 'idle';
  private checkpoint: Checkpoint | undefined;
  private lastError: string | undefined;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  /** Caught-up waiters, with the number of the first read that may answer them. */
  private readonly caughtUpWaiters: { afterRead: number; resolve: () => void }[] = [];
  private reads = 0;
  private highest = 0;
  private lastRead = 0;
  private prefetched: { after: Checkpoint; result: Promise<{ events: RecordedEvent[]; read: number }> } | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 1000;
    this.idleMs = options.idleMs ?? 250;
    this.logger = options.logger ?? silent;
  }

  get name(): string {
    return this.options.projection.name;
  }

  /** The highest global position among the events this runner applied. */
  get highestPosition(): number {
    return this.highest;
  }

  status(): RunnerStatus {
    return { name: this.name, state: this.state, checkpoint: this.checkpoint, lastError: this.lastError };
  }

  /** Starts the background loop: wait for the lock, bring the tables up to date, then follow $all. */
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

  /** Cuts an idle wait short: new events were appended. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Resolves once a read that started after this call found nothing more to read. On the SQL store
   * that is "nothing more visible": readers stop short of transactions still in flight anywhere in
   * the database, so for read-your-writes wait for the append's checkpoint (ProjectionHost.waitFor).
   */
  whenCaughtUp(): Promise<void> {
    return new Promise((resolve) => this.caughtUpWaiters.push({ afterRead: this.reads + 1, resolve }));
  }

  private async run(): Promise<void> {
    const { lock, projection } = this.options;
    let failures = 0;
    while (!this.abort.signal.aborted) {
      this.state = 'waiting-for-lock';
      const handle = await lock.acquire(projection.name, { signal: this.abort.signal });
      if (!handle) return;
      let lostError: Error | undefined;
      void handle.lost.then((e) => {
        lostError = e;
        this.wakeUp?.();
      });
      this.logger.info(`projection ${projection.name}: lock taken`);
      try {
        await this.options.schema.ensure(projection);
        this.checkpoint = undefined;
        this.state = 'running';
        while (!this.abort.signal.aborted && !lostError) {
          const applied = await this.step();
          failures = 0;
          this.lastError = undefined;
          if (applied === 0) {
            this.notifyCaughtUp(this.lastRead);
            await this.idle();
          }
        }
        if (lostError) this.logger.error(`projection ${projection.name}: lock lost (${lostError.message}); waiting to take it again`);
      } catch (e) {
        failures++;
        this.state = 'failing';
        this.lastError = e instanceof Error ? e.message : String(e);
        this.logger.error(`projection ${projection.name}: ${this.lastError}`, e);
        // The batch rolled back; retry from the committed checkpoint, backing off so a poison event
        // does not spin. It is never skipped: health shows the error until someone fixes the cause.
        await this.idle(Math.min(30_000, 100 * 2 ** Math.min(failures, 9)));
      } finally {
        await handle.release();
      }
    }
  }

  /** Applies at most one batch; returns how many events it applied. Caller must hold the lock. */
  async step(): Promise<number> {
    const { db, projection } = this.options;
    const from = this.checkpoint ?? (await checkpointRepository.read(db, projection.name))?.checkpoint ?? START;
    const { events, read } = await this.read(from);
    this.lastRead = read;
    if (events.length === 0) {
      this.checkpoint = from;
      return 0;
    }
    const last = events[events.length - 1];
    for (const e of events) if (e.globalPosition > this.highest) this.highest = e.globalPosition;
    // With a backlog, the next batch is read while this one is applied: reading and writing then
    // overlap instead of taking turns (a rebuild runs close to the faster of the two).
    if (events.length === this.batchSize) this.prefetch(last.checkpoint);
    try {
      await db.transaction(async (sql) => {
        const tx: ProjectionTx = { query: (text, params) => sql.query(text, params), scratch: new Map() };
        await this.applyBatch(events, tx, from);
        await checkpointRepository.advance(sql, projection.name, from, last.checkpoint, last.globalPosition, events.length);
      });
    } catch (error) {
      this.prefetched = undefined;
      this.checkpoint = undefined;
      throw error;
    }
    this.checkpoint = last.checkpoint;
    return events.length;
  }

  private read(after: Checkpoint): Promise<{ events: RecordedEvent[]; read: number }> {
    const ready = this.prefetched;
    this.prefetched = undefined;
    if (ready && ready.after === after) return ready.result;
    const read = ++this.reads;
    return this.options.store.readAll({ after, limit: this.batchSize }).then((events) => ({ events, read }));
  }

  private prefetch(after: Checkpoint): void {
    const read = ++this.reads;
    const result = this.options.store.readAll({ after, limit: this.batchSize }).then((events) => ({ events, read }));
    // Never an unhandled rejection: a failed prefetch is simply read again by the next step.
    result.catch(() => undefined);
    this.prefetched = { after, result };
  }

  private async applyBatch(events: readonly RecordedEvent[], tx: ProjectionTx, from: Checkpoint): Promise<void> {
    const { projection, onMidBatch } = this.options;
    await projection.beforeBatch?.(events, tx);
    for (const event of events) await projection.handle(event, tx);
    await projection.afterBatch?.(tx);
    await onMidBatch?.({ projection: projection.name, from, size: events.length });
  }

  private notifyCaughtUp(read: number): void {
    for (let i = this.caughtUpWaiters.length - 1; i >= 0; i--) {
      const waiter = this.caughtUpWaiters[i];
      if (waiter.afterRead <= read) {
        this.caughtUpWaiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  private idle(ms = this.idleMs): Promise<void> {
    // A wake() that came while a batch was being applied must not be lost to the next sleep.
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
