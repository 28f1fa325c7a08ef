jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());

import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EncryptingEventStore, formatMasterKey, generateMasterKey } from '../../../../libs/crypto/src';
import { FixedClock } from '../../../../libs/domain/src';
import { describeStartupFailure } from '../startup/describe-startup-failure';
import { StartupError } from '../startup/startup-error';
import { openStore } from './open-store';

const clock = new FixedClock('2026-03-01T10:00:00Z');
const saisine = (householdId: string) => ({
  id: randomUUID(),
  type: 'SaisineReceived',
  data: { householdId, personal: { household: { lastName: 'Xylophène-Ouvrard' } } },
  metadata: { householdId },
});

describe('openStore: encryption is always on', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on the embedded store generates the master key into DATA_DIR, seals on disk, and reads it back after a restart', async () => {
    const first = await openStore({ dataDir: dir }, clock);
    expect(first.store).toBeInstanceOf(EncryptingEventStore);
    expect(first.description).toMatch(/personal data encrypted \(master key k1 from /);
    const h = randomUUID();
    await first.store.append(`trajectory-${randomUUID()}`, [saisine(h)]);
    const raw = await first.database?.query<{ t: string }>(`SELECT data::text AS t FROM events`);
    expect(raw?.rows[0].t).not.toContain('Xylophène');
    await first.close();
    expect(readFileSync(join(dir, 'master-key'), 'utf8')).toMatch(/^k1:[A-Za-z0-9+/]{43}=\n$/);

    const again = await openStore({ dataDir: dir }, clock);
    try {
      const [event] = await again.store.readAll();
      expect(event.data).toMatchObject({ personal: { household: { lastName: 'Xylophène-Ouvrard' } } });
    } finally {
      await again.close();
    }
  });

  it('stops with one clear sentence for a malformed MASTER_KEY, before touching the database', async () => {
    const failure = await openStore({ dataDir: dir, masterKeys: { masterKey: 'k1:dG9vIHNob3J0' } }, clock).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StartupError);
    expect(describeStartupFailure(failure)).toMatch(/^Start-up failed: MASTER_KEY is malformed: its key decodes to 9 bytes, not 32\. Expected "<id>:<base64 of 32 random bytes>"/);
    expect(existsSync(join(dir, 'master-key'))).toBe(false);
  });

  (process.env.DATABASE_URL ? describe : describe.skip)('on PostgreSQL', () => {
    const schema = `open_store_${process.pid}_${randomBytes(3).toString('hex')}`;
    afterAll(async () => {
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    });

    it('requires MASTER_KEY when asked to (main.ts), and uses it', async () => {
      const missing = await openStore({ databaseUrl: process.env.DATABASE_URL, schema, masterKeys: { required: true } }, clock).catch((e: unknown) => e);
      expect(describeStartupFailure(missing)).toMatch(/^Start-up failed: MASTER_KEY is required with DATABASE_URL/);
      const key = generateMasterKey('k3');
      const opened = await openStore({ databaseUrl: process.env.DATABASE_URL, schema, masterKeys: { masterKey: formatMasterKey(key), required: true } }, clock);
      try {
        expect(opened.description).toContain('personal data encrypted (MASTER_KEY k3)');
        await opened.store.append(`trajectory-${randomUUID()}`, [saisine(randomUUID())]);
        const { rows } = await opened.database!.query<{ master_key_id: string }>(`SELECT master_key_id FROM household_keys`);
        expect(rows).toEqual([{ master_key_id: 'k3' }]);
      } finally {
        await opened.close();
      }
    });
  });
});
