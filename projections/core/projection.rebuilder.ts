import type { EventStore } from '../../libs/event-store/src/event-store.port';
import type { ProjectionLock } from './projection.lock';
import type { Projection } from './projection.port';
import { ProjectionRunner } from './projection.runner';
import type { ProjectionSchema } from './projection.schema';
import type { ProjectionDatabase } from './sql.port';

export interface RebuildProgress {
  projection: string;
  done: number;
  /** Events in the store when the rebuild started, from the last global position (an upper bound). */
  total: number;
  elapsedMs: number;
  ratePerSecond: number;
}

export interface RebuildOptions {
  store: Pick<EventStore, 'readAll' | 'info'>;
  db: ProjectionDatabase;
  schema: ProjectionSchema;
  lock: ProjectionLock;
  projection: Projection;
  batchSize?: number;
  /** Wait for a running worker to let go of the projection instead of failing at once. */
  wait?: boolean;
  onProgress?: (p: RebuildProgress) => void;
  /** Minimum time between two progress reports. */
  progressEveryMs?: number;
  /** How long to wait for events hidden behind transactions in flight before calling it done. */
  settleMs?: number;
  now?: () => number;
}

export class ProjectionBusy extends Error {
  readonly code = 'projection-busy';
  constructor(
    readonly projection: string,
    holder: string | undefined,
  ) {
    super(
      `Projection ${projection} is being run by ${holder ?? 'another process'}. Stop the worker (or the API running projections) first, or pass --wait to wait for it.`,
    );
  }
}

/**
 * Drops the projection's tables and replays $all from the start, holding the projection's lock so
 * no live runner writes meanwhile. Each batch commits with its checkpoint, exactly as the live
 * runner does: an interrupted rebuild is resumed by the next runner from where it stopped.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildProgress> {
  const { projection, lock } = options;
  const now = options.now ?? (() => performance.now());
  const handle = await lock.acquire(projection.name, { wait: options.wait ?? false });
  if (!handle) throw new ProjectionBusy(projection.name, await lock.describeHolder?.(projection.name));
  try {
    await options.schema.reset(projection);
    const total = (await options.store.info()).lastGlobalPosition;
    const runner = new ProjectionRunner({ store: options.store, db: options.db, schema: options.schema, lock, projection, batchSize: options.batchSize ?? 2000 });
    const started = now();
    let done = 0;
    let lastReport = started;
    let lastProgressAt = started;
    const progress = (): RebuildProgress => {
      const elapsedMs = now() - started;
      return { projection: projection.name, done, total: Math.max(total, done), elapsedMs, ratePerSecond: elapsedMs > 0 ? (done * 1000) / elapsedMs : 0 };
    };
    const held = { lost: undefined as Error | undefined };
    void handle.lost.then((e) => (held.lost = e));
    for (;;) {
      if (held.lost) throw held.lost;
      const applied = await runner.step();
      if (applied === 0) {
        // Nothing more visible. Events up to the starting end of the log may still sit behind a
        // transaction in flight elsewhere in the database (the SQL readers never skip one): wait a
        // little for it rather than stop short; the live runner would pick them up anyway.
        if (runner.highestPosition >= total || now() - lastProgressAt > (options.settleMs ?? 30_000)) break;
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      lastProgressAt = now();
      done += applied;
      if (options.onProgress && now() - lastReport >= (options.progressEveryMs ?? 1000)) {
        lastReport = now();
        options.onProgress(progress());
      }
    }
    const final = progress();
    await options.schema.analyze(projection);
    options.onProgress?.(final);
    return final;
  } finally {
    await handle.release();
  }
}
