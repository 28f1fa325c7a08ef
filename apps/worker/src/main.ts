import { systemClock } from '../../../libs/domain/src';
import { embeddedDataDirOf, lockDataDir } from '../../../libs/event-store/src';
import { createLogger, type Logger, messageLogger, readLogSettings } from '../../../libs/logging/src';
import { openProjectionRuntime } from '../../../projections/core/open-projection-runtime';
import { loadCatalogue } from '../../../libs/catalogue/src';
import { RetentionJob } from './retention/retention.job';
import { masterKeySourcesFrom, privacyRuntimeOver, retentionReadModelReady, retentionSweep } from './retention/retention.runtime';
import { startFeedRelay } from './feeds/start-feed-relay';
import { startWorker } from './worker';
import { readWorkerConfig } from './worker-config';
import { workerProjections } from './worker-projections';

const logger = workerLogger();
const log = messageLogger(logger);

function workerLogger(): Logger {
  try {
    return createLogger({ service: 'worker', ...readLogSettings(process.env) });
  } catch (error) {
    process.stderr.write(`worker: cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/**
 * `npm run worker`: runs every projection against the store named by DATABASE_URL (or DATA_DIR).
 * Several workers may run: each projection is run by one of them at a time, the others wait for its
 * lock and take over when the holder dies.
 */
async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  // The embedded store is one process's: refused at once (one line) while the API holds it.
  const embedded = embeddedDataDirOf(process.env);
  const dirLock = embedded ? lockDataDir(embedded, { app: 'worker', onTakeOver: (line) => logger.warn(line) }) : undefined;
  const runtime = await openProjectionRuntime(process.env, { owner: 'worker' });
  const projections = workerProjections(process.env);
  const host = startWorker(runtime, { projections, batchSize: config.batchSize, idleMs: config.idleMs, logger: log, holdMidBatch: config.holdMidBatch });
  log.info(`worker: running ${projections.map((p) => p.name).join(', ')} on ${runtime.description} (pid ${process.pid})`);
  // Publishes the funder feeds to Kafka when KAFKA_BROKERS is set (docs/feeds.md); undefined otherwise.
  const relay = await startFeedRelay({ db: runtime.db, lock: runtime.lock, logger: log });
  // Erases households whose retention period is over: at start, then daily (docs/privacy.md).
  // RETENTION_JOB=off for a copy that must not erase (a restored backup being examined).
  const catalogue = await loadCatalogue(process.env.PROGRAMMES_DIR?.trim() || undefined);
  const privacy = await privacyRuntimeOver(runtime, masterKeySourcesFrom(process.env), systemClock);
  const retention =
    config.retentionJob === 'off'
      ? undefined
      : new RetentionJob({
          sweep: retentionSweep(privacy, catalogue.programmes, systemClock),
          clock: systemClock,
          ready: () => retentionReadModelReady(runtime, { runHere: false, timeoutMs: 10 * 60_000 }),
          logger: log,
        });
  retention?.start();
  if (!retention) log.info('worker: retention job off (RETENTION_JOB=off)');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`worker: ${signal}, finishing the current batches`);
    await retention?.stop();
    await relay?.stop();
    await host.stop();
    await runtime.close();
    dirLock?.release();
    log.info('worker: stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, `worker: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
