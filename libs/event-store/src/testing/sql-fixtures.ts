import { randomBytes } from 'node:crypto';
import type { SqlDatabase } from '../sql/sql-database';
import type { SqlEventStore } from '../sql-store/sql-event-store.adapter';
import type { ContractFixture, SlowHold } from './contract-helpers';
import type { NewEvent } from '../event-store.port';

/** A schema name no other test file or worker will pick: parallel jest workers never share state. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
}

/** The contract fixture for a SqlEventStore whose schema is dropped on dispose. */
export function sqlContractFixture(
  db: SqlDatabase,
  store: SqlEventStore,
  hold: (tx: Parameters<Parameters<SqlDatabase['transaction']>[0]>[0], ms: number) => Promise<void>,
  onDispose: () => Promise<void> = async () => undefined,
): ContractFixture {
  return {
    store,
    concurrentTransactions: db.kind === 'postgres',
    tamper: async (streamId: string, version: number, data: unknown) => {
      await db.query('UPDATE events SET data = $3::jsonb WHERE stream_id = $1 AND version = $2', [streamId, version, JSON.stringify(data)]);
    },
    // The store's own SQL inside an explicit transaction that commits late: BEGIN; es_append(…); wait; COMMIT.
    appendInSlowTransaction: (streamId: string, events: NewEvent[], wait: SlowHold) =>
      db.transaction(async (tx) => {
        const result = await store.appendWith(tx, streamId, events, { expectedVersion: 'any' });
        wait.onAppended?.();
        if (wait.ms) await hold(tx, wait.ms);
        if (wait.until) await wait.until;
        return result;
      }),
    dispose: async () => {
      await store.close();
      await db.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
      await onDispose();
    },
  };
}
