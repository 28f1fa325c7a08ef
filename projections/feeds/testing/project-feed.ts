import { randomBytes } from 'node:crypto';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { InProcessLock } from '../../core/projection.lock';
import { ProjectionRunner } from '../../core/projection.runner';
import { ProjectionSchema } from '../../core/projection.schema';
import type { ProjectionDatabase } from '../../core/sql.port';
import { storeMigrator } from '../../core/store.migrator';
import { feedProjection } from '../feed.projection';
import { TrajectoryPseudonymiser } from '../trajectory-pseudonymiser';

/** Runs the feed projection over everything in the store, then stops: the feed table a relay test starts from. */
export async function projectFeedToEnd(store: Pick<EventStore, 'readAll'>, db: ProjectionDatabase): Promise<void> {
  const runner = new ProjectionRunner({
    store,
    db,
    schema: new ProjectionSchema(db, storeMigrator),
    lock: new InProcessLock(),
    projection: feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) }),
  });
  const caughtUp = runner.whenCaughtUp();
  runner.start();
  await caughtUp;
  await runner.stop();
}
