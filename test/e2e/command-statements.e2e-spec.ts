jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { InMemoryAccessLog } from '../../apps/api/src/audit/in-memory-access-log';
import { EncryptingEventStore, generateMasterKey, SqlKeyStore } from '../../libs/crypto/src';
import { FixedClock } from '../../libs/domain/src';
import { PgliteSqlDatabase, PgSqlDatabase, SqlEventStore, type SqlDatabase } from '../../libs/event-store/src';
import { CountingSqlDatabase } from '../../libs/event-store/src/testing/counting-sql-database';
import { uniqueSchema } from '../../libs/event-store/src/testing/sql-fixtures';
import { authHeaders, TEST_AUTH } from './support/auth';
import { COORDINATOR, e2eCatalogue, REFERENT, saisine, SECRETARY } from './support/fixtures';

const KINDS = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

/**
 * What a command costs in SQL statements, counted on the database under the store and the key table.
 * On PostgreSQL the store announces appends to other processes with a coalesced NOTIFY sent after
 * commit, off the request's path (ADR 0001: a NOTIFY inside es_append stops appends sharing a WAL
 * flush); it is counted apart, at most one per command here.
 */
describe.each(KINDS)('SQL statements per command (%s)', (kind) => {
  let db: CountingSqlDatabase;
  let store: SqlEventStore;
  let app: NestFastifyApplication;
  const clock = new FixedClock('2026-02-02T09:00:00Z');

  beforeAll(async () => {
    const inner: SqlDatabase =
      kind === 'postgres'
        ? new PgSqlDatabase({ connectionString: process.env.DATABASE_URL as string, schema: uniqueSchema('e2e_statements') })
        : await PgliteSqlDatabase.create();
    db = new CountingSqlDatabase(inner);
    store = await SqlEventStore.open(db, { clock });
    const keys = await SqlKeyStore.open(db, { current: generateMasterKey('k1') });
    ({ app } = await createApp({
      store: new EncryptingEventStore(store, keys),
      clock,
      catalogue: e2eCatalogue(),
      auth: TEST_AUTH,
      accessLog: new InMemoryAccessLog(),
      logger: false,
      docs: false,
    }));
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    if (kind === 'postgres') await db.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
    await store.close();
    await db.close();
  });

  /** Runs one request and answers the statements it sent, the background NOTIFY apart. */
  async function statementsOf(send: () => Promise<request.Response>, expectStatus: number): Promise<{ sent: string[]; notifies: number }> {
    const recorded = db.record();
    const res = await send();
    expect(res.status).toBe(expectStatus);
    const all = recorded();
    const notify = (s: string) => s.includes('pg_notify') && !s.includes('es_append');
    return { sent: all.filter((s) => !notify(s)), notifies: all.filter(notify).length };
  }

  const server = () => app.getHttpAdapter().getInstance().server;
  const statementNames = (sent: string[]) => sent.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 60));

  it('a saisine sends 2 statements (at most 3 wanted), a command on a cached trajectory only es_append', async () => {
    // Signing a token is the client's cost, not the server's: minted before counting.
    const secretary = await authHeaders(SECRETARY);
    const coordinator = await authHeaders(COORDINATOR);
    const referent = await authHeaders(REFERENT);
    let id = '';
    const opened = await statementsOf(async () => {
      const res = await request(server()).post('/trajectories').set(secretary).send(saisine('2026-02-02'));
      id = res.body.trajectoryId;
      return res;
    }, 201);
    // The household's key created and the stream linked in one statement, then the append.
    expect(opened.sent).toEqual([expect.stringMatching(/INSERT INTO household_streams[\s\S]*INSERT INTO household_keys/), expect.stringContaining('es_append')]);
    expect(opened.notifies).toBeLessThanOrEqual(1);

    const assigned = await statementsOf(
      () => request(server()).post(`/trajectories/${id}/commands/assign-referent`).set(coordinator).send({ occurredAt: '2026-02-02', referentId: 'referent-1' }),
      200,
    );
    expect(statementNames(assigned.sent)).toEqual([expect.stringContaining('es_append')]);
    expect(assigned.notifies).toBeLessThanOrEqual(1);

    // With personal data to seal: the household's key is already known to this process.
    const contact = await statementsOf(
      () => request(server()).post(`/trajectories/${id}/commands/record-first-contact`).set(referent).send({ occurredAt: '2026-02-02', mode: 'office' }),
      200,
    );
    expect(statementNames(contact.sent)).toEqual([expect.stringContaining('es_append')]);
    const note = await statementsOf(
      () => request(server()).post(`/trajectories/${id}/commands/record-note`).set(referent).send({ occurredAt: '2026-02-02', personal: { text: 'Appel.' } }),
      200,
    );
    expect(statementNames(note.sent)).toEqual([expect.stringContaining('es_append')]);
  });

  it('a second saisine for a household whose key exists still sends 2', async () => {
    const secretary = await authHeaders(SECRETARY);
    const householdId = '5b0e7a52-6a0b-4c57-9d54-0f3f2a8b9c11';
    const first = await request(server()).post('/trajectories').set(secretary).send(saisine('2026-02-02', { householdId }));
    expect(first.status).toBe(201);
    const second = await statementsOf(() => request(server()).post('/trajectories').set(secretary).send(saisine('2026-02-02', { householdId })), 201);
    // The key is known to this process: the link, then the append.
    expect(second.sent).toEqual([expect.stringContaining('INSERT INTO household_streams'), expect.stringContaining('es_append')]);
    // Both trajectories are the household's: what its export and erasure look up.
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM household_streams WHERE household_id = $1', [householdId]);
    expect(Number(rows[0].n)).toBe(2);
  });
});
