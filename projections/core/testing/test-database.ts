import type { PGlite as PGliteType } from '@electric-sql/pglite';
import * as vm from 'node:vm';
import { Pool } from 'pg';
import type { ProjectionDatabase, SqlExecutor } from '../sql.port';

export interface TestDatabase extends ProjectionDatabase {
  close(): Promise<void>;
  /** Drops every table: starting a PGlite costs seconds, so a spec file opens one and resets it between tests. */
  reset(): Promise<void>;
  schema?: string;
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

/** Parameterless text may hold several statements (migrations); PGlite runs those with exec(). */
async function pgliteQuery(target: Pick<PGliteType, 'query' | 'exec'>, sql: string, params?: unknown[]) {
  if (params && params.length > 0) {
    const r = await target.query(sql, params);
    return { rows: r.rows as never[], affectedRows: r.affectedRows };
  }
  const results = await target.exec(sql);
  const last = results[results.length - 1];
  return { rows: (last?.rows ?? []) as never[], affectedRows: last?.affectedRows };
}

export async function pgliteTestDatabase(): Promise<TestDatabase> {
  const pg = await loadPGlite().create();
  return {
    kind: 'pglite',
    query: (sql, params) => pgliteQuery(pg, sql, params),
    transaction: (fn) =>
      pg.transaction(async (tx) => {
        const exec: SqlExecutor = { query: (sql, params) => pgliteQuery(tx, sql, params) };
        return fn(exec);
      }),
    reset: async () => {
      await pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    },
    close: () => pg.close(),
  };
}

export const DATABASE_URL = process.env.DATABASE_URL;

export function testSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

/** A pool whose every connection works in a fresh schema of its own; close() drops it. */
export async function postgresTestDatabase(prefix: string, url = DATABASE_URL): Promise<TestDatabase> {
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = testSchemaName(prefix);
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  const wrap = (c: { query: Pool['query'] }): SqlExecutor => ({
    query: async (sql, params) => {
      const r = await c.query(sql, params as unknown[]);
      const last = Array.isArray(r) ? r[r.length - 1] : r;
      return { rows: last.rows, affectedRows: last.rowCount ?? undefined };
    },
  });
  return {
    kind: 'postgres',
    schema,
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client as unknown as Pool));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    reset: async () => {
      await pool.query(`DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema};`);
    },
    close: async () => {
      await pool.end();
      const a = new Pool({ connectionString: url, max: 1 });
      await a.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.end();
    },
  };
}
