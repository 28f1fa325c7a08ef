jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { PGlite } from '@electric-sql/pglite';
import { PgliteSqlDatabase } from '../../../../libs/event-store/src/sql/pglite-sql-database';
import { SqlEventStore } from '../../../../libs/event-store/src/sql-store/sql-event-store.adapter';
import { ACCESS_LOG_MIGRATIONS } from './access-log.migrations';
import { SqlAccessLog } from './sql-access-log.repository';

const T1 = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const T2 = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('access log in the store database', () => {
  let pglite: PGlite;
  let db: PgliteSqlDatabase;

  beforeAll(async () => {
    pglite = await PGlite.create();
    db = await PgliteSqlDatabase.create({ pglite, schema: 'access_log_spec' });
    await SqlEventStore.open(db);
  }, 60_000);
  afterAll(() => pglite?.close());

  it('creates its table through the store migration runner, once', async () => {
    await SqlAccessLog.open(db);
    await SqlAccessLog.open(db);
    const { rows } = await db.query<{ version: number }>("SELECT version FROM schema_migrations WHERE namespace = 'access-log'");
    expect(rows).toEqual(ACCESS_LOG_MIGRATIONS.migrations.map((m) => ({ version: m.version })));
    const { rows: tables } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'access_log_spec' AND table_name = 'access_log'");
    expect(tables).toEqual([{ n: 1 }]);
  });

  it('keeps entries in order and lists them by trajectory and reader, page by page', async () => {
    const log = await SqlAccessLog.open(db);
    const reader = (id: string, role: string) => ({ id, role });
    await log.record({ at: '2026-03-03T08:00:00.000Z', actor: reader('ref-1', 'referent'), trajectoryId: T1, resource: 'trajectory', correlationId: 'r-1' });
    await log.record({ at: '2026-03-03T08:01:00.000Z', actor: reader('coord-1', 'coordinator'), trajectoryId: T1, resource: 'history' });
    await log.record({ at: '2026-03-03T08:02:00.000Z', actor: reader('ref-1', 'referent'), trajectoryId: T2, resource: 'history' });
    await log.record({ at: '2026-03-03T08:03:00.000Z', actor: reader('aud-1', 'auditor'), trajectoryId: T1, resource: 'history' });

    const t1 = await log.list({ trajectoryId: T1, limit: 10 });
    expect(t1.map((e) => [e.actor.id, e.resource, e.at])).toEqual([
      ['ref-1', 'trajectory', '2026-03-03T08:00:00.000Z'],
      ['coord-1', 'history', '2026-03-03T08:01:00.000Z'],
      ['aud-1', 'history', '2026-03-03T08:03:00.000Z'],
    ]);
    expect(t1[0]).toEqual({ id: t1[0].id, at: '2026-03-03T08:00:00.000Z', actor: { id: 'ref-1', role: 'referent' }, trajectoryId: T1, resource: 'trajectory', correlationId: 'r-1' });
    expect((await log.list({ actorId: 'ref-1', limit: 10 })).map((e) => e.trajectoryId)).toEqual([T1, T2]);
    const first = await log.list({ trajectoryId: T1, limit: 2 });
    const rest = await log.list({ trajectoryId: T1, limit: 2, after: first[first.length - 1].id });
    expect([...first, ...rest].map((e) => e.actor.id)).toEqual(['ref-1', 'coord-1', 'aud-1']);
  });

  it('refuses what is not a read of a trajectory', async () => {
    const log = await SqlAccessLog.open(db);
    await expect(log.record({ at: '2026-03-03T08:00:00.000Z', actor: { id: 'x', role: 'referent' }, trajectoryId: T1, resource: 'export' as never })).rejects.toThrow();
  });
});
