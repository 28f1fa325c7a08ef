import { DomainError } from '../../domain/src';
import type { MasterKey } from './master-key';

export type HouseholdKeyStatus = 'live' | 'destroyed' | 'unknown';

/**
 * Households' data keys, wrapped by the master key, and which streams hold each household's
 * personal data. Destroying a key is the erasure: every sealed copy becomes unreadable.
 */
export interface KeyStore {
  /**
   * The household's key for sealing, created on first use. Throws KeyDestroyed if it was erased.
   * With `linkStream`, also does what linkStream(householdId, linkStream) does (unless the household
   * was erased), in the same round trip: a saisine's key and its stream link cost one statement.
   */
  obtain(householdId: string, options?: { linkStream?: string }): Promise<Buffer>;
  /** Live keys of these households, checked against the stored rows (never a stale copy). */
  findMany(householdIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Irreversible. Leaves a tombstone so nothing can be sealed for the household again. Returns true when a live key was destroyed. */
  destroy(householdId: string, reason: string): Promise<boolean>;
  status(householdId: string): Promise<HouseholdKeyStatus>;
  /** Remembers that a stream holds (or may hold) the household's data: what export and erasure look up. */
  linkStream(householdId: string, streamId: string): Promise<void>;
  /** The household's streams, in the order they were first written. */
  streamsOf(householdId: string): Promise<string[]>;
  /** Rewraps every live data key not already under `next`; events are not touched. */
  rotateMasterKey(next: MasterKey): Promise<{ rewrapped: number }>;
  /** Live data keys per master key id: a previous master key may be retired once it wraps none. */
  masterKeyUsage(): Promise<{ masterKeyId: string; dataKeys: number }[]>;
}

export class KeyDestroyed extends DomainError {
  constructor(readonly householdId: string) {
    super('household-erased', `Household ${householdId} was erased: no personal data can be written for it any more.`, 'conflict', { householdId });
  }
}

export class MasterKeyMissing extends Error {
  readonly code = 'master-key-missing';
}
