import { KeyDestroyed, type KeyStore } from './key-store.port';
import { unwrapDataKey, wrapDataKey, type MasterKey } from './master-key';
import { newDataKey, type SealedPersonal } from './personal-data.cipher';

/** The subset of SqlDatabase this store needs; libs/event-store's databases satisfy it. */
export interface SqlQueryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export const KEY_STORE_MIGRATIONS = [
  {
    version: 1,
    name: 'household data keys',
    sql: `CREATE TABLE IF NOT EXISTS household_keys (
            household_id text PRIMARY KEY,
            master_key_id text,
            wrapped_key jsonb,
            created_at timestamptz NOT NULL DEFAULT now(),
            destroyed_at timestamptz,
            destroyed_reason text
          )`,
  },
];

interface KeyRow {
  household_id: string;
  master_key_id: string | null;
  wrapped_key: SealedPersonal | null;
  destroyed_at: string | null;
}

export class SqlKeyStore implements KeyStore {
  /** Unwrapped keys of live households; a destroyed key is evicted at once. */
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly db: SqlQueryable,
    private master: MasterKey,
    private readonly previousMasters: MasterKey[] = [],
  ) {}

  async obtain(householdId: string): Promise<Buffer> {
    const cached = this.cache.get(householdId);
    if (cached) return cached;
    const existing = await this.row(householdId);
    if (existing) return this.unwrap(existing);
    const wrapped = wrapDataKey(newDataKey(), this.master, householdId);
    // Two writers may race to create the same household's key: the first one wins, both use it.
    await this.db.query(
      `INSERT INTO household_keys (household_id, master_key_id, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (household_id) DO NOTHING`,
      [householdId, this.master.id, JSON.stringify(wrapped)],
    );
    const row = await this.row(householdId);
    if (!row) throw new Error(`household key ${householdId} vanished while being created`);
    return this.unwrap(row);
  }

  async find(householdId: string): Promise<Buffer | undefined> {
    const cached = this.cache.get(householdId);
    if (cached) return cached;
    const row = await this.row(householdId);
    if (!row || row.destroyed_at) return undefined;
    return this.unwrap(row);
  }

  async destroy(householdId: string, reason: string): Promise<boolean> {
    this.cache.delete(householdId);
    const { rows } = await this.db.query<{ household_id: string }>(
      `INSERT INTO household_keys (household_id, master_key_id, wrapped_key, destroyed_at, destroyed_reason)
       VALUES ($1, NULL, NULL, now(), $2)
       ON CONFLICT (household_id) DO UPDATE
         SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = COALESCE(household_keys.destroyed_at, now()),
             destroyed_reason = COALESCE(household_keys.destroyed_reason, EXCLUDED.destroyed_reason)
       RETURNING household_id`,
      [householdId, reason],
    );
    return rows.length > 0;
  }

  async isDestroyed(householdId: string): Promise<boolean> {
    const row = await this.row(householdId);
    return Boolean(row?.destroyed_at);
  }

  async rotateMasterKey(next: MasterKey): Promise<{ rewrapped: number }> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT household_id, master_key_id, wrapped_key, destroyed_at FROM household_keys WHERE destroyed_at IS NULL`,
    );
    let rewrapped = 0;
    for (const row of rows) {
      if (row.master_key_id === next.id) continue;
      const key = this.unwrapWith(row);
      await this.db.query(`UPDATE household_keys SET master_key_id = $2, wrapped_key = $3 WHERE household_id = $1 AND destroyed_at IS NULL`, [
        row.household_id,
        next.id,
        JSON.stringify(wrapDataKey(key, next, row.household_id)),
      ]);
      rewrapped += 1;
    }
    this.previousMasters.push(this.master);
    this.master = next;
    return { rewrapped };
  }

  private async row(householdId: string): Promise<KeyRow | undefined> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT household_id, master_key_id, wrapped_key, destroyed_at FROM household_keys WHERE household_id = $1`,
      [householdId],
    );
    return rows[0];
  }

  private unwrap(row: KeyRow): Buffer {
    if (row.destroyed_at) throw new KeyDestroyed(row.household_id);
    const key = this.unwrapWith(row);
    this.cache.set(row.household_id, key);
    return key;
  }

  private unwrapWith(row: KeyRow): Buffer {
    const masters = [this.master, ...this.previousMasters];
    const master = masters.find((m) => m.id === row.master_key_id);
    if (!master || !row.wrapped_key) {
      throw new Error(`household key ${row.household_id} is wrapped by master key "${row.master_key_id}", which is not configured`);
    }
    return unwrapDataKey(row.wrapped_key, master, row.household_id);
  }
}
