import { loadOrCreateMasterKey, MasterKeyFormatError, parseMasterKey, readMasterKeyFile, readPreviousMasterKeysFile, type MasterKey } from './master-key';

/** The key that wraps new data keys, and the older ones still accepted to unwrap (after a rotation). */
export interface MasterKeyring {
  current: MasterKey;
  previous: MasterKey[];
  /** For start-up lines: where the keys came from, never the keys. */
  description: string;
  /** Where rotate-master-key installs a new key: the data dir, or the operator's secret store (env). */
  source: 'env' | 'data-dir' | 'ephemeral';
  dataDir?: string;
}

export interface MasterKeySources {
  /** MASTER_KEY: `<id>:<base64 of 32 bytes>`. */
  masterKey?: string;
  /** MASTER_KEY_PREVIOUS: the keys a rotation replaced, comma-separated, still accepted to unwrap. */
  previous?: string;
  /** The embedded default keeps its key in DATA_DIR/master-key (and older ones in master-key.previous). */
  dataDir?: string;
  /** Generate DATA_DIR/master-key when it does not exist (the API on the embedded store). */
  create?: boolean;
}

/**
 * MASTER_KEY wins; without it the key lives in the data dir. Undefined when neither gives one and
 * nothing may be created: the caller decides whether that is an error (the API) or fine (a worker
 * that only reads sealed events and destroys keys).
 */
export function resolveMasterKeyring(sources: MasterKeySources): MasterKeyring | undefined {
  const env = sources.masterKey?.trim();
  if (env) {
    const current = parseMasterKey(env, 'MASTER_KEY');
    const previous = (sources.previous ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v, i) => parseMasterKey(v, `MASTER_KEY_PREVIOUS (key ${i + 1})`));
    return checked({ current, previous, source: 'env', description: `MASTER_KEY ${current.id}${previous.length ? ` (+${previous.length} previous)` : ''}` });
  }
  if (sources.previous?.trim()) throw new MasterKeyFormatError('MASTER_KEY_PREVIOUS is set without MASTER_KEY: set the current key as well.');
  if (!sources.dataDir) return undefined;
  const current = sources.create ? loadOrCreateMasterKey(sources.dataDir) : readMasterKeyFile(sources.dataDir);
  if (!current) return undefined;
  const previous = readPreviousMasterKeysFile(sources.dataDir);
  return checked({
    current,
    previous,
    source: 'data-dir',
    dataDir: sources.dataDir,
    description: `master key ${current.id} from ${sources.dataDir}${previous.length ? ` (+${previous.length} previous)` : ''}`,
  });
}

/** Two different keys under one id would make a wrapped data key ambiguous. */
function checked(ring: MasterKeyring): MasterKeyring {
  const seen = new Map<string, Buffer>();
  for (const k of [ring.current, ...ring.previous]) {
    const other = seen.get(k.id);
    if (other && !other.equals(k.key)) throw new MasterKeyFormatError(`Two different master keys share the id "${k.id}": give each key its own id.`);
    seen.set(k.id, k.key);
  }
  return { ...ring, previous: ring.previous.filter((p) => p.id !== ring.current.id) };
}
