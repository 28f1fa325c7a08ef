import { KeyDestroyed, type HouseholdKeyStatus, type KeyStore } from './key-store.port';
import type { MasterKey } from './master-key';
import { newDataKey } from './personal-data.cipher';

/**
 * Keys that live as long as the process: for a store injected without a key table (in-memory
 * stores in tests and benchmarks), so encryption is on there too and erasure behaves the same.
 */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer | 'destroyed'>();
  private readonly streams = new Map<string, string[]>();

  async obtain(householdId: string, options: { linkStream?: string } = {}): Promise<Buffer> {
    const key = this.keys.get(householdId);
    if (key === 'destroyed') throw new KeyDestroyed(householdId);
    if (options.linkStream) await this.linkStream(householdId, options.linkStream);
    if (key) return key;
    const created = newDataKey();
    this.keys.set(householdId, created);
    return created;
  }

  async findMany(householdIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    for (const id of householdIds) {
      const key = this.keys.get(id);
      if (key && key !== 'destroyed') found.set(id, key);
    }
    return found;
  }

  async destroy(householdId: string, _reason?: string): Promise<boolean> {
    const key = this.keys.get(householdId);
    if (key && key !== 'destroyed') key.fill(0);
    this.keys.set(householdId, 'destroyed');
    return Boolean(key && key !== 'destroyed');
  }

  async status(householdId: string): Promise<HouseholdKeyStatus> {
    const key = this.keys.get(householdId);
    return key === undefined ? 'unknown' : key === 'destroyed' ? 'destroyed' : 'live';
  }

  async linkStream(householdId: string, streamId: string): Promise<void> {
    const list = this.streams.get(householdId) ?? [];
    if (!list.includes(streamId)) this.streams.set(householdId, [...list, streamId]);
  }

  async streamsOf(householdId: string): Promise<string[]> {
    return [...(this.streams.get(householdId) ?? [])];
  }

  async rotateMasterKey(_next: MasterKey): Promise<{ rewrapped: number }> {
    // Nothing is wrapped in memory: the process itself is the only copy.
    return { rewrapped: 0 };
  }

  async masterKeyUsage(): Promise<{ masterKeyId: string; dataKeys: number }[]> {
    return [];
  }
}
