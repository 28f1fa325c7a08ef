import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { InProcessLock } from '../projection.lock';
import type { Projection } from '../projection.port';
import { ProjectionRunner } from '../projection.runner';
import { ProjectionSchema } from '../projection.schema';
import type { ProjectionDatabase } from '../sql.port';
import { storeMigrator } from '../store.migrator';

/** Brings projections up to the end of the store, synchronously from a test's point of view. */
export async function catchUp(store: Pick<EventStore, 'readAll'>, db: ProjectionDatabase, projections: readonly Projection[], batchSize = 100): Promise<void> {
  const schema = new ProjectionSchema(db, storeMigrator);
  for (const projection of projections) {
    await schema.ensure(projection);
    const runner = new ProjectionRunner({ store, db, schema, lock: new InProcessLock(), projection, batchSize });
    while ((await runner.step()) > 0);
  }
}

/** Every row of a table in a stable order, as JSON text: what "the same tables" means in tests. */
export async function dumpTable(db: ProjectionDatabase, table: string, orderBy: string): Promise<string[]> {
  const { rows } = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY ${orderBy}`);
  return rows.map((r) => r.row);
}
