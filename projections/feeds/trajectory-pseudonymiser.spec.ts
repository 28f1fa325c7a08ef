import { createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedProjectionFromConfig, readFeedConfig } from './feed-projection.factory';
import { FEED_SECRET_FILE, FeedSecretError, loadFeedSecret } from './feed-secret';
import { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

describe('trajectory pseudonymiser', () => {
  const secret = randomBytes(32);
  const p = new TrajectoryPseudonymiser(secret);
  const trajectoryId = randomUUID();

  it('is HMAC-SHA-256 under a key derived with HKDF from the master secret, the funder id as info', () => {
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.from('accompagnement-engine/funder-feed/v1'), Buffer.from('caf-69'), 32));
    const expected = createHmac('sha256', key).update(`trajectory:${trajectoryId}`).digest('hex');
    expect(p.pseudonym('caf-69', trajectoryId)).toBe(expected);
  });

  it('is stable for a funder and unrelated between funders', () => {
    expect(p.pseudonym('caf-69', trajectoryId)).toBe(new TrajectoryPseudonymiser(secret).pseudonym('caf-69', trajectoryId));
    expect(p.pseudonym('caf-69', trajectoryId)).not.toBe(p.pseudonym('departement-69', trajectoryId));
    expect(p.pseudonym('caf-69', trajectoryId)).not.toContain(trajectoryId.slice(0, 8));
  });

  it('changes with the master secret', () => {
    expect(new TrajectoryPseudonymiser(randomBytes(32)).pseudonym('caf-69', trajectoryId)).not.toBe(p.pseudonym('caf-69', trajectoryId));
  });

  it('makes deterministic version-8 uuids for record ids, different per funder', () => {
    const id = p.recordId('caf-69', 'event-1', 'saisine-received::c1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.recordId('caf-69', 'event-1', 'saisine-received::c1')).toBe(id);
    expect(p.recordId('departement-69', 'event-1', 'saisine-received::c1')).not.toBe(id);
    expect(p.recordId('caf-69', 'event-1', 'month-measure-counted:2026-02:c1')).not.toBe(id);
  });

  it('refuses a short master secret', () => {
    expect(() => new TrajectoryPseudonymiser(randomBytes(16))).toThrow(/at least 32 bytes/);
  });
});

describe('feed secret', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'feed-secret-'));

  it('reads FEED_SECRET as base64 or base64url', () => {
    const bytes = randomBytes(32);
    expect(loadFeedSecret({ feedSecret: bytes.toString('base64'), dataDir: dir() })).toEqual(bytes);
    expect(loadFeedSecret({ feedSecret: bytes.toString('base64url'), dataDir: dir() })).toEqual(bytes);
  });

  it('refuses a FEED_SECRET that is too short or not base64', () => {
    expect(() => loadFeedSecret({ feedSecret: randomBytes(8).toString('base64'), dataDir: dir() })).toThrow(FeedSecretError);
    expect(() => loadFeedSecret({ feedSecret: 'not base64 at all!', dataDir: dir() })).toThrow(/base64/);
  });

  it('generates one into the embedded data directory, readable by its owner only, and keeps it', () => {
    const dataDir = dir();
    const first = loadFeedSecret({ dataDir });
    expect(first.length).toBe(32);
    expect(statSync(join(dataDir, FEED_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadFeedSecret({ dataDir })).toEqual(first);
  });

  it('uses a secret another process wrote first', () => {
    const dataDir = dir();
    const theirs = randomBytes(32).toString('base64url');
    writeFileSync(join(dataDir, FEED_SECRET_FILE), `${theirs}\n`);
    expect(loadFeedSecret({ dataDir }).toString('base64url')).toBe(theirs);
    expect(readFileSync(join(dataDir, FEED_SECRET_FILE), 'utf8').trim()).toBe(theirs);
  });

  it('requires FEED_SECRET with PostgreSQL, where processes must share it', () => {
    expect(() => loadFeedSecret({ databaseUrl: 'postgres://x', dataDir: dir() })).toThrow(/FEED_SECRET is required/);
  });
});

describe('feed projection from configuration', () => {
  it('reads FEED_SECRET, DATABASE_URL and DATA_DIR', () => {
    expect(readFeedConfig({ FEED_SECRET: ' s ', DATABASE_URL: 'postgres://x', DATA_DIR: '/d' })).toEqual({ feedSecret: 's', databaseUrl: 'postgres://x', dataDir: '/d' });
    expect(readFeedConfig({})).toEqual({ feedSecret: undefined, databaseUrl: undefined, dataDir: './data' });
  });

  it('builds the projection on the embedded default and refuses PostgreSQL without a secret', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'feed-config-'));
    expect(feedProjectionFromConfig({ dataDir }).name).toBe('funder-feed');
    expect(statSync(join(dataDir, FEED_SECRET_FILE)).isFile()).toBe(true);
    expect(() => feedProjectionFromConfig({ dataDir, databaseUrl: 'postgres://x' })).toThrow(FeedSecretError);
  });
});
