import type { Checkpoint, EventStore } from '../../libs/event-store/src/event-store.port';
import { compareCheckpoints, START } from './checkpoint';
import { checkpointRepository } from './checkpoint.repository';
import type { ProjectionLock } from './projection.lock';
import type { Projection } from './projection.port';
import { rebuildProjection, type RebuildProgress } from './projection.rebuilder';
import { ProjectionRunner, type RunnerLogger, type RunnerStatus } from './projection.runner';
import { ProjectionSchema, RESETTING, type Migrator } from './projection.schema';
import type { ProjectionDatabase } from './sql.port';

export interface ProjectionHealth {
  name: string;
  /** Last committed checkpoint; null before the first batch. */
  checkpoint: Checkpoint | null;
  /**
   * Events behind the end of $all, from global positions (positions a rolled-back append used are
   * never filled, so this may overstate by a few; it is 0 when caught up).
   */
  lag: number;
  eventsApplied: number;
  updatedAt: string | null;
  /** This process' runner, when it runs one: 'running', 'waiting-for-lock' (another process has it), 'failing'... */
  runner?: RunnerStatus['state'];
  lastError?: string;
}

export interface ProjectionHostOptions {
  store: Pick<EventStore, 'readAll' | 'info'>;
  db: ProjectionDatabase;
  lock: ProjectionLock;
  migrator: Migrator;
  projections: readonly Projection[];
  batchSize?: number;
  idleMs?: number;
  logger?: RunnerLogger;
  onMidBatch?: ConstructorParameters<typeof ProjectionRunner>[0]['onMidBatch'];
}

/** The runners of one process (the worker, or the API with the embedded store), started and stopped together. */
export class ProjectionHost {
  readonly runners: ProjectionRunner[];
  private readonly schema: ProjectionSchema;
  private started = false;

  constructor(private readonly options: ProjectionHostOptions) {
    this.schema = new ProjectionSchema(options.db, options.migrator);
    this.runners = options.projections.map(
      (projection) =>
        new ProjectionRunner({
          store: options.store,
          db: options.db,
          schema: this.schema,
          lock: options.lock,
          projection,
          batchSize: options.batchSize,
          idleMs: options.idleMs,
          logger: options.logger,
          onMidBatch: options.onMidBatch,
        }),
    );
  }

  start(): void {
    this.started = true;
    for (const r of this.runners) r.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  /**
   * Rebuilds one of this host's projections in place (the API on the embedded store, where no other
   * process may open the store): its runner steps aside for the rebuild and resumes after it.
   * Another process holding the projection's lock (a worker on PostgreSQL) makes it ProjectionBusy.
   */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    const runner = this.runners.find((r) => r.name === name);
    const projection = this.options.projections.find((p) => p.name === name);
    if (!runner || !projection) throw new Error(`this host does not run projection ${name}`);
    await runner.stop();
    try {
      const { store, db, lock, batchSize } = this.options;
      return await rebuildProjection({ store, db, schema: this.schema, lock, projection, batchSize, wait: false, onProgress });
    } finally {
      if (this.started) runner.start();
    }
  }

  /** New events were appended in this process: no need to wait for the next poll. */
  wake(): void {
    for (const r of this.runners) r.wake();
  }

  health(): Promise<ProjectionHealth[]> {
    return projectionHealth(this.options.db, this.options.store, this.options.projections.map((p) => p.name), this.runners);
  }

  /**
   * Read-your-writes: resolves once every named projection has committed `checkpoint` (or later).
   * Rejects after the timeout, naming the projections still behind.
   */
  async waitFor(checkpoint: Checkpoint, names: readonly string[] = this.options.projections.map((p) => p.name), timeoutMs = 5000): Promise<void> {
    await waitForCheckpoint(this.options.db, checkpoint, names, timeoutMs, () => this.wake());
  }
}

export async function waitForCheckpoint(db: ProjectionDatabase, checkpoint: Checkpoint, names: readonly string[], timeoutMs: number, nudge?: () => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const rows = await checkpointRepository.all(db).catch(() => []);
    const behind = names.filter((n) => {
      const row = rows.find((r) => r.name === n);
      // A projection making its tables again has reached nothing yet, whatever its row says.
      return !row || row.version === RESETTING || compareCheckpoints(row.checkpoint, checkpoint) < 0;
    });
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`projections ${behind.join(', ')} have not reached ${checkpoint} within ${timeoutMs} ms`);
    nudge?.();
    await new Promise((r) => setTimeout(r, delay));
  }
}

/**
 * What /health shows per projection. Reads the checkpoint table, so the API reports on runners
 * that live in the worker process as well as its own.
 */
export async function projectionHealth(
  db: ProjectionDatabase,
  store: Pick<EventStore, 'info'>,
  names: readonly string[],
  runners: readonly ProjectionRunner[] = [],
): Promise<ProjectionHealth[]> {
  const [info, rows] = await Promise.all([store.info(), checkpointRepository.all(db).catch(() => [])]);
  return names.map((name) => {
    const row = rows.find((r) => r.name === name);
    const runner = runners.find((r) => r.name === name)?.status();
    const position = row?.globalPosition ?? 0;
    return {
      name,
      checkpoint: row && row.checkpoint !== START ? row.checkpoint : null,
      lag: Math.max(0, info.lastGlobalPosition - position),
      eventsApplied: row?.eventsApplied ?? 0,
      updatedAt: row ? row.updatedAt.toISOString() : null,
      ...(runner ? { runner: runner.state } : {}),
      ...(runner?.lastError ? { lastError: runner.lastError } : {}),
    };
  });
}
