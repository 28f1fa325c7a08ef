import { runMigrations, type MigrationSet, type SqlDatabase } from '../../event-store/src';
import { KeyDestroyed, MasterKeyMissing, type HouseholdKeyStatus, type KeyStore } from './key-store.port';
import { unwrapDataKey, wrapDataKey, type MasterKey } from './master-key';
import { newDataKey, type SealedPersonal } from './personal-data.cipher';

/** The subset of SqlDatabase this store needs; libs/event-store's databases satisfy it. */
export interface SqlQueryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** Applied migrations are immutable: change the tables with a new version, never by editing one. */
export const KEY_STORE_MIGRATIONS: MigrationSet = {
  namespace: 'household-keys',
  migrations: [
    {
      version: 1,
      name: 'household data keys and their streams',
      sql: `
CREATE TABLE household_keys (
  household_id     text        PRIMARY KEY,
  master_key_id    text,
  wrapped_key      jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  destroyed_at     timestamptz,
  destroyed_reason text,
  CHECK ((destroyed_at IS NULL) = (wrapped_key IS NOT NULL))
);
CREATE INDEX household_keys_master_idx ON household_keys (master_key_id) WHERE destroyed_at IS NULL;
CREATE TABLE household_streams (
  household_id text   NOT NULL,
  stream_id    text   NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (household_id, stream_id)
);`,
    },
  ],
};

export interface MasterKeys {
  current: MasterKey;
  previous?: readonly MasterKey[];
}

interface KeyRow {
  household_id: string;
  master_key_id: string | null;
  wrapped_key: SealedPersonal | null;
  destroyed_at: string | Date | null;
}

const KEY_COLUMNS = 'household_id, master_key_id, wrapped_key, destroyed_at';
/** How long a sealing key is reused without asking the table: bounds how long a key erased by another process lingers here. */
const SEAL_CACHE_MS = 60_000;
const CACHE_LIMIT = 10_000;
const ROTATE_PAGE = 500;

/**
 * Data keys in their own table, beside the events but never inside them: a backup of the events
 * alone holds nothing readable, and deleting a row here is the erasure. Without master keys the
 * store can still destroy keys and list streams (what a worker needs), but not seal or open.
 */
export class SqlKeyStore implements KeyStore {
  private master: MasterKey | undefined;
  private readonly previous: MasterKey[];
  /** Keys used to seal, with when they were read: sealing with a key erased meanwhile only writes unreadable bytes. */
  private readonly sealing = new Map<string, { key: Buffer; at: number }>();
  /** Unwrapped keys by wrapped ciphertext: opening re-reads the row every time, but need not unwrap it again. */
  private readonly unwrapped = new Map<string, Buffer>();

  constructor(
    private readonly db: SqlQueryable,
    masters?: MasterKeys,
  ) {
    this.master = masters?.current;
    this.previous = [...(masters?.previous ?? [])];
  }

  /** Creates the tables if needed (namespace household-keys of the store's migration runner). */
  static async open(db: SqlDatabase, masters?: MasterKeys): Promise<SqlKeyStore> {
    await runMigrations(db, KEY_STORE_MIGRATIONS);
    return new SqlKeyStore(db, masters);
  }

  async obtain(householdId: string, options: { linkStream?: string } = {}): Promise<Buffer> {
    const cached = this.sealing.get(householdId);
    if (cached && Date.now() - cached.at < SEAL_CACHE_MS) {
      if (options.linkStream) await this.linkStream(householdId, options.linkStream);
      return cached.key;
    }
    // One statement: link the stream, create the key if there is none, and answer the row. Without a
    // master key nothing can be sealed: the row only decides which error to give.
    const created = this.master ? await this.createOrRead(householdId, this.master, options.linkStream) : undefined;
    // A writer that created the key after this statement's snapshot was taken: its row is committed now.
    const row = created?.row ?? (await this.row(householdId));
    if (!row) throw this.master ? new Error(`household key ${householdId} vanished while being created`) : this.noMaster();
    if (row.destroyed_at) throw new KeyDestroyed(householdId);
    // The row this statement inserted holds the key it just wrapped: no need to unwrap it again.
    const mine = created !== undefined && row.wrapped_key?.ct === created.wrapped.ct;
    if (mine) remember(this.unwrapped, created.wrapped.ct, created.key);
    const key = mine ? created.key : this.unwrap(row);
    remember(this.sealing, householdId, { key, at: Date.now() });
    return key;
  }

  async findMany(householdIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (householdIds.length === 0) return found;
    const { rows } = await this.db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM household_keys WHERE household_id = ANY($1::text[])`, [[...new Set(householdIds)]]);
    for (const row of rows) {
      if (row.destroyed_at || !row.wrapped_key) this.sealing.delete(row.household_id);
      else found.set(row.household_id, this.unwrap(row));
    }
    return found;
  }

  async destroy(householdId: string, reason: string): Promise<boolean> {
    this.sealing.delete(householdId);
    const before = await this.row(householdId);
    await this.db.query(
      `INSERT INTO household_keys (household_id, master_key_id, wrapped_key, destroyed_at, destroyed_reason)
       VALUES ($1, NULL, NULL, now(), $2)
       ON CONFLICT (household_id) DO UPDATE
         SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = COALESCE(household_keys.destroyed_at, now()),
             destroyed_reason = COALESCE(household_keys.destroyed_reason, EXCLUDED.destroyed_reason)`,
      [householdId, reason],
    );
    if (before?.wrapped_key) this.unwrapped.delete(before.wrapped_key.ct);
    return Boolean(before && !before.destroyed_at);
  }

  async status(householdId: string): Promise<HouseholdKeyStatus> {
    const row = await this.row(householdId);
    return !row ? 'unknown' : row.destroyed_at ? 'destroyed' : 'live';
  }

  async linkStream(householdId: string, streamId: string): Promise<void> {
    await this.db.query(`INSERT INTO household_streams (household_id, stream_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [householdId, streamId]);
  }

  async streamsOf(householdId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ stream_id: string }>(`SELECT stream_id FROM household_streams WHERE household_id = $1 ORDER BY seq`, [householdId]);
    return rows.map((r) => r.stream_id);
  }

  async rotateMasterKey(next: MasterKey): Promise<{ rewrapped: number }> {
    let rewrapped = 0;
    let after = '';
    for (;;) {
      const { rows } = await this.db.query<KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM household_keys
          WHERE destroyed_at IS NULL AND master_key_id IS DISTINCT FROM $1 AND household_id > $2
          ORDER BY household_id LIMIT ${ROTATE_PAGE}`,
        [next.id, after],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.household_id);
      const olds = rows.map((r) => r.master_key_id);
      const wrapped = rows.map((r) => JSON.stringify(wrapDataKey(this.unwrapWith(r), next, r.household_id)));
      // Only rows still under the key they were read with and not erased meanwhile: a concurrent
      // destroy must win, never be undone by a rewrap.
      const { rows: updated } = await this.db.query<{ household_id: string }>(
        `UPDATE household_keys k SET master_key_id = $1, wrapped_key = u.wrapped::jsonb
           FROM unnest($2::text[], $3::text[], $4::text[]) AS u(household_id, old_master, wrapped)
          WHERE k.household_id = u.household_id AND k.master_key_id = u.old_master AND k.destroyed_at IS NULL
          RETURNING k.household_id`,
        [next.id, ids, olds, wrapped],
      );
      rewrapped += updated.length;
      after = ids[ids.length - 1];
    }
    if (this.master && this.master.id !== next.id && !this.previous.some((p) => p.id === this.master?.id)) this.previous.push(this.master);
    this.master = next;
    return { rewrapped };
  }

  async masterKeyUsage(): Promise<{ masterKeyId: string; dataKeys: number }[]> {
    const { rows } = await this.db.query<{ master_key_id: string; n: string | number }>(
      `SELECT master_key_id, count(*) AS n FROM household_keys WHERE destroyed_at IS NULL GROUP BY master_key_id ORDER BY master_key_id`,
    );
    return rows.map((r) => ({ masterKeyId: r.master_key_id, dataKeys: Number(r.n) }));
  }

  private async row(householdId: string): Promise<KeyRow | undefined> {
    const { rows } = await this.db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM household_keys WHERE household_id = $1`, [householdId]);
    return rows[0];
  }

  private unwrap(row: KeyRow): Buffer {
    const ct = row.wrapped_key?.ct;
    const cached = ct ? this.unwrapped.get(ct) : undefined;
    if (cached) return cached;
    const key = this.unwrapWith(row);
    if (ct) remember(this.unwrapped, ct, key);
    return key;
  }

  private unwrapWith(row: KeyRow): Buffer {
    const master = [this.master, ...this.previous].find((m) => m?.id === row.master_key_id);
    if (!row.wrapped_key) throw new KeyDestroyed(row.household_id);
    if (!master) {
      throw new MasterKeyMissing(
        `The data key of household ${row.household_id} is wrapped by master key "${row.master_key_id}", which this process does not have. ` +
          'After a rotation, keep the replaced key in MASTER_KEY_PREVIOUS (or DATA_DIR/master-key.previous) until rotate-master-key --status shows it unused.',
      );
    }
    return unwrapDataKey(row.wrapped_key, master, row.household_id);
  }

  /**
   * Inserts a new wrapped key unless the household has one, and returns the household's row either
   * way. Two writers may race to create the same key: the first one wins, both use it (the loser's
   * statement may not see the winner's row, hence undefined). The link is skipped for an erased household.
   */
  private async createOrRead(
    householdId: string,
    master: MasterKey,
    linkStream: string | undefined,
  ): Promise<{ row: KeyRow | undefined; key: Buffer; wrapped: SealedPersonal }> {
    const key = newDataKey();
    const sealed = wrapDataKey(key, master, householdId);
    const wrapped = JSON.stringify(sealed);
    const link = linkStream
      ? `link AS (
           INSERT INTO household_streams (household_id, stream_id)
           SELECT $1, $4 WHERE NOT EXISTS (SELECT 1 FROM household_keys WHERE household_id = $1 AND destroyed_at IS NOT NULL)
           ON CONFLICT DO NOTHING),`
      : '';
    const { rows } = await this.db.query<KeyRow>(
      `WITH ${link}
       created AS (
         INSERT INTO household_keys (household_id, master_key_id, wrapped_key) VALUES ($1, $2, $3)
         ON CONFLICT (household_id) DO NOTHING
         RETURNING ${KEY_COLUMNS})
       SELECT ${KEY_COLUMNS} FROM created
       UNION ALL
       SELECT ${KEY_COLUMNS} FROM household_keys WHERE household_id = $1 AND NOT EXISTS (SELECT 1 FROM created)`,
      linkStream ? [householdId, master.id, wrapped, linkStream] : [householdId, master.id, wrapped],
    );
    return { row: rows[0], key, wrapped: sealed };
  }

  private noMaster(): MasterKeyMissing {
    return new MasterKeyMissing('This process has no master key: it cannot create household keys (set MASTER_KEY, see docs/privacy.md).');
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  // A plain bound rather than an LRU: refilling after a clear costs one unwrap per household.
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
}
