import type { PGlite as PGliteType } from '@electric-sql/pglite';
import * as vm from 'node:vm';
import { Pool } from 'pg';
import { PgliteSqlDatabase, PgSqlDatabase, type SqlDatabase } from '../../../libs/event-store/src';

/**
 * The store's own SqlDatabase (PGlite in memory, or PostgreSQL in a throw-away schema), plus
 * reset(): starting a PGlite costs seconds, so a spec file opens one and resets it between tests.
 */
export interface TestDatabase extends SqlDatabase {
  reset(): Promise<void>;
}

/**
 * PGlite loads parts of itself with dynamic import(), which jest's CommonJS sandbox refuses without
 * --experimental-vm-modules. Requiring it through Node's own loader, outside the sandbox, avoids
 * the flag (the same trick as libs/event-store's testing helper).
 */
function loadPGlite(): typeof PGliteType {
  const Module = vm.runInThisContext('process.mainModule && process.mainModule.constructor') as { createRequire(path: string): NodeJS.Require } | undefined;
  const mod = (Module ? Module.createRequire(__filename)('@electric-sql/pglite') : jest.requireActual('@electric-sql/pglite')) as { PGlite: typeof PGliteType };
  return mod.PGlite;
}

function withReset(db: SqlDatabase, reset: () => Promise<void>, close: () => Promise<void>): TestDatabase {
  // The store's classes keep their state on the instance: delegate rather than spread.
  return {
    get kind() {
      return db.kind;
    },
    get schema() {
      return db.schema;
    },
    query: (text, params) => db.query(text, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    listen: (channel, cb) => db.listen(channel, cb),
    reset,
    close,
  } as TestDatabase;
}

export async function pgliteTestDatabase(): Promise<TestDatabase> {
  const pglite = await loadPGlite().create();
  const db = await PgliteSqlDatabase.create({ pglite: pglite as never, schema: 'public' });
  return withReset(
    db,
    () => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'),
    async () => {
      await db.close();
      await pglite.close();
    },
  );
}

export const DATABASE_URL = process.env.DATABASE_URL;

export function testSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

/** PostgreSQL in a fresh schema of its own; close() drops it. */
export async function postgresTestDatabase(prefix: string, url = DATABASE_URL): Promise<TestDatabase> {
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = testSchemaName(prefix);
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = new PgSqlDatabase({ connectionString: url, schema, max: 6, applicationName: `test-${prefix}` });
  return withReset(
    db,
    () => db.exec(`DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema};`),
    async () => {
      await db.close();
      const a = new Pool({ connectionString: url, max: 1 });
      await a.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.end();
    },
  );
}
