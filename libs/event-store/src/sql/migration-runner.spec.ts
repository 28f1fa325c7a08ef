import { PgSqlDatabase } from './pg-sql-database';
import { MigrationError, currentMigrationVersion, runMigrations, type MigrationSet } from './migration-runner';
import { eventStoreMigrations } from '../sql-store/event-store.migrations';
import { uniqueSchema } from '../testing/sql-fixtures';
import { newEvent } from '../testing/contract-helpers';
import { prepareAppend } from '../core/append-validation';
import { systemClock } from '../../../domain/src';
import { SqlEventStore } from '../sql-store/sql-event-store.adapter';

const url = process.env.DATABASE_URL;

if (!url) {
  process.stderr.write('\n⚠ Migration runner suite on PostgreSQL SKIPPED: DATABASE_URL is not set (the PGlite suite checks re-runs).\n');
  describe.skip('Migration runner on PostgreSQL — skipped: DATABASE_URL is not set', () => {
    it('applies migrations once, even from two processes at once', () => undefined);
  });
} else {
  describe('Migration runner on PostgreSQL', () => {
    const opened: PgSqlDatabase[] = [];
    const open = (schema: string) => {
      const db = new PgSqlDatabase({ connectionString: url, schema, max: 2 });
      opened.push(db);
      return db;
    };
    let schema: string;

    beforeEach(() => {
      schema = uniqueSchema('es_mig');
    });

    afterEach(async () => {
      await opened[0]?.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(opened.splice(0).map((db) => db.close()));
    });

    const projection: MigrationSet = {
      namespace: 'projection:caseload',
      migrations: [
        { version: 2, name: 'index', sql: 'CREATE INDEX caseload_stage_idx ON caseload (stage);' },
        { version: 1, name: 'table', sql: 'CREATE TABLE caseload (id text PRIMARY KEY, stage text NOT NULL); INSERT INTO caseload VALUES (\'a\', \'x\');' },
      ],
    };

    it('creates the schema, applies in version order, and is a no-op the second time', async () => {
      const db = open(schema);
      expect(await runMigrations(db, projection)).toEqual({ namespace: 'projection:caseload', applied: [1, 2], currentVersion: 2 });
      expect(await runMigrations(db, projection)).toEqual({ namespace: 'projection:caseload', applied: [], currentVersion: 2 });
      const { rows } = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM caseload');
      expect(rows[0].n).toBe('1');
      expect(await currentMigrationVersion(db, 'projection:caseload')).toBe(2);
    });

    it('keeps namespaces apart in one schema', async () => {
      const db = open(schema);
      await runMigrations(db, eventStoreMigrations);
      await runMigrations(db, projection);
      expect(await currentMigrationVersion(db, 'event-store')).toBe(2);
      expect(await currentMigrationVersion(db, 'projection:caseload')).toBe(2);
      expect(await currentMigrationVersion(db, 'projection:unknown')).toBe(0);
    });

    it('lets two processes start at once: both succeed, the migrations are applied once', async () => {
      const [a, b] = [open(schema), open(schema)];
      const outcomes = await Promise.all([runMigrations(a, eventStoreMigrations), runMigrations(b, eventStoreMigrations)]);
      expect(outcomes.map((o) => o.applied).sort()).toEqual([[], [1, 2]]);
      expect(outcomes.every((o) => o.currentVersion === 2)).toBe(true);
      const { rows } = await a.query<{ n: string }>("SELECT count(*)::text AS n FROM schema_migrations WHERE namespace = 'event-store'");
      expect(rows[0].n).toBe('2');
    });

    it('upgrades a version-1 store in place: data kept, chain continued', async () => {
      const db = open(schema);
      await runMigrations(db, { ...eventStoreMigrations, migrations: eventStoreMigrations.migrations.slice(0, 1) });
      // Written by version 1's es_append (four arguments), as a store deployed before version 2 did.
      const v1 = prepareAppend('trajectory-upgrade', [newEvent(), newEvent()], {}, systemClock);
      await db.query('SELECT * FROM es_append($1, -1, $2::uuid[], $3::text[])', [v1.streamId, v1.events.map((e) => e.id), v1.events.map((e) => e.body)]);
      expect((await runMigrations(db, eventStoreMigrations)).applied).toEqual([2]);
      const v2 = new SqlEventStore(db);
      await v2.append('trajectory-upgrade', [newEvent()], { expectedVersion: 2 });
      expect(await v2.verifyStream('trajectory-upgrade')).toEqual({ streamId: 'trajectory-upgrade', ok: true, eventsChecked: 3 });
      await v2.close();
    });

    it('refuses an applied migration that was edited since', async () => {
      const db = open(schema);
      await runMigrations(db, projection);
      const edited = { ...projection, migrations: [{ ...projection.migrations[1], sql: 'CREATE TABLE caseload (id text);' }] };
      await expect(runMigrations(db, edited)).rejects.toThrow(/changed after it was applied/);
    });

    it('rolls back a failing run as a whole and names the migration', async () => {
      const db = open(schema);
      const broken: MigrationSet = {
        namespace: 'projection:broken',
        migrations: [
          { version: 1, name: 'good', sql: 'CREATE TABLE good_one (id int);' },
          { version: 2, name: 'bad', sql: 'CREATE TABLE nope (id int REFERENCES missing_table (id));' },
        ],
      };
      const attempt = runMigrations(db, broken);
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      await expect(attempt).rejects.toThrow(/projection:broken #2 \(bad\) failed/);
      const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('good_one')::text AS t");
      expect(rows[0].t).toBeNull();
    });

    it('refuses duplicate or non-positive versions before touching the database', async () => {
      const db = open(schema);
      await expect(runMigrations(db, { namespace: 'x', migrations: [{ version: 0, name: 'zero', sql: '' }] })).rejects.toThrow(/positive integer/);
      await expect(
        runMigrations(db, { namespace: 'x', migrations: [{ version: 1, name: 'a', sql: '' }, { version: 1, name: 'b', sql: '' }] }),
      ).rejects.toThrow(/share version 1/);
    });
  });
}
