import type { Projection } from '../../../projections/core/projection.port';
import { ProjectionHost } from '../../../projections/core/projection.host';
import type { ProjectionRuntime } from '../../../projections/core/projection-runtime';
import type { RunnerLogger } from '../../../projections/core/projection.runner';

export interface WorkerOptions {
  projections: readonly Projection[];
  batchSize?: number;
  idleMs?: number;
  logger: RunnerLogger;
  /**
   * Crash-test seam: hold the transaction of this process' n-th batch open half-way (after printing
   * "mid-batch ...") so a test can SIGKILL the process inside it. Never set in production.
   */
  holdMidBatch?: number;
}

/** Starts one runner per projection on the runtime; the returned host stops them. */
export function startWorker(runtime: ProjectionRuntime, options: WorkerOptions): ProjectionHost {
  let batches = 0;
  const host = new ProjectionHost({
    store: runtime.store,
    db: runtime.db,
    lock: runtime.lock,
    migrator: runtime.migrator,
    projections: options.projections,
    batchSize: options.batchSize,
    idleMs: options.idleMs,
    logger: options.logger,
    onMidBatch:
      options.holdMidBatch === undefined
        ? undefined
        : async ({ projection, from, size }) => {
            batches++;
            if (batches !== options.holdMidBatch) return;
            options.logger.info(`mid-batch ${projection} from ${from} (${size} events): holding the transaction open`);
            await new Promise<never>(() => undefined);
          },
  });
  host.start();
  return host;
}
