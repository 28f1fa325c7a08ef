/** Households' data keys, wrapped by the master key. Destroying one is the erasure. */
export interface KeyStore {
  /** The household's key, creating it on first use. Throws KeyDestroyed if it was erased. */
  obtain(householdId: string): Promise<Buffer>;
  /** The key, undefined when it never existed or was destroyed. */
  find(householdId: string): Promise<Buffer | undefined>;
  /** Irreversible. Returns false when there was no key. */
  destroy(householdId: string, reason: string): Promise<boolean>;
  isDestroyed(householdId: string): Promise<boolean>;
  /** Rewraps every live data key under a new master key; events are not touched. */
  rotateMasterKey(next: import('./master-key').MasterKey): Promise<{ rewrapped: number }>;
}

export class KeyDestroyed extends Error {
  readonly code = 'household-erased';
  constructor(readonly householdId: string) {
    super(`Household ${householdId} was erased: no personal data can be written for it any more.`);
  }
}
