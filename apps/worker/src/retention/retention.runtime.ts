import { randomUUID } from 'node:crypto';
import { EncryptingEventStore, resolveMasterKeyring, SqlKeyStore, type MasterKeySources } from '../../../../libs/crypto/src';
import type { Clock } from '../../../../libs/domain/src';
import { compareCheckpoints, START } from '../../../../libs/event-store/src';
import type { EventStore, SqlDatabase } from '../../../../libs/event-store/src';
import { HouseholdEraser, RetentionSweep } from '../../../../libs/privacy/src';
import { ProjectionHost, waitForCheckpoint } from '../../../../projections/core/projection.host';
import type { ProjectionRuntime } from '../../../../projections/core/projection-runtime';
import { RETENTION_PROJECTION, retentionProjection } from '../../../../projections/retention/retention.projection';
import { retentionCandidates } from '../../../../projections/retention/retention.queries';
import type { ProgrammeRegistry } from '../../../../workflows/programmes/src';

/** What erasing households needs beside the projections: the full store, its SQL database, the key table. */
export interface PrivacyRuntime {
  /** Encryption in front of the store: nothing personal can be written without a key, even here. */
  store: EncryptingEventStore;
  db: SqlDatabase;
  keys: SqlKeyStore;
  eraser: HouseholdEraser;
}

/**
 * Over the runtime the worker or the CLI opened (one connection, one PGlite). No master key is
 * needed: destroying a key, reading sealed events and recording an erasure never unwrap one, so
 * the worker runs without MASTER_KEY (least privilege). When one is configured it is used.
 */
export async function privacyRuntimeOver(runtime: ProjectionRuntime, masterKeys: MasterKeySources, clock: Clock): Promise<PrivacyRuntime> {
  const store = runtime.store as Partial<EventStore>;
  const db = runtime.db as Partial<SqlDatabase>;
  if (typeof store.append !== 'function' || typeof store.readStream !== 'function' || typeof db.exec !== 'function' || typeof db.schema !== 'string') {
    throw new Error('erasing households needs the SQL event store and its database (DATABASE_URL or DATA_DIR)');
  }
  const ring = resolveMasterKeyring({ ...masterKeys, create: false });
  const keys = await SqlKeyStore.open(db as SqlDatabase, ring);
  const encrypting = new EncryptingEventStore(store as EventStore, keys);
  return { store: encrypting, db: db as SqlDatabase, keys, eraser: new HouseholdEraser({ keys, store: encrypting, clock, ids: { next: () => randomUUID() } }) };
}

/** Where this process finds master keys: MASTER_KEY(_PREVIOUS), or the files in DATA_DIR on the embedded store. */
export function masterKeySourcesFrom(env: NodeJS.ProcessEnv): MasterKeySources {
  const server = Boolean(env.DATABASE_URL?.trim() || env.EVENTSTORE_URL?.trim());
  return { masterKey: env.MASTER_KEY, previous: env.MASTER_KEY_PREVIOUS, dataDir: server ? undefined : env.DATA_DIR?.trim() || './data' };
}

export function retentionSweep(privacy: PrivacyRuntime, programmes: ProgrammeRegistry, clock: Clock): RetentionSweep {
  return new RetentionSweep({
    candidates: () => retentionCandidates(privacy.db),
    retentionMonthsOf: (code) => programmes.get(code)?.retentionMonths,
    eraser: privacy.eraser,
    clock,
  });
}

/**
 * Resolves once the retention read model has applied everything in the store. Deciding on a read
 * model that lags would be unsafe: a household's newest, still open trajectory might not be in it
 * yet. With `runHere` a runner is started for the wait (the CLI, when no worker runs); otherwise
 * whoever holds the projection's lock (the worker) moves it.
 */
export async function retentionReadModelReady(runtime: ProjectionRuntime, options: { runHere: boolean; timeoutMs: number }): Promise<void> {
  const { lastPosition } = await runtime.store.info();
  if (compareCheckpoints(lastPosition, START) <= 0) return;
  const host = options.runHere
    ? new ProjectionHost({ store: runtime.store, db: runtime.db, lock: runtime.lock, migrator: runtime.migrator, projections: [retentionProjection()], idleMs: 50 })
    : undefined;
  host?.start();
  try {
    await waitForCheckpoint(runtime.db, lastPosition, [RETENTION_PROJECTION], options.timeoutMs, () => host?.wake());
  } finally {
    await host?.stop();
  }
}
