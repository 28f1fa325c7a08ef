import { ValidationError } from '../../domain/src';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../event-store/src/event-store.port';
import type { KeyStore } from './key-store.port';
import { ERASED, isSealed, open, seal } from './personal-data.cipher';

/** Which household an event's personal data belongs to. */
export type HouseholdResolver = (streamId: string, event: NewEvent) => string | undefined;

export const householdFromEvent: HouseholdResolver = (_streamId, event) => {
  const fromMetadata = event.metadata?.['householdId'];
  if (typeof fromMetadata === 'string') return fromMetadata;
  const fromData = (event.data as { householdId?: unknown } | null)?.householdId;
  return typeof fromData === 'string' ? fromData : undefined;
};

/**
 * Seals `data.personal` under the household's key before the inner store sees it, so the store,
 * its hash chain, its backups and every reader without the key only ever hold ciphertext.
 * Reads open what they can; a destroyed key reads as { $erased: true }.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: KeyStore,
    private readonly householdOf: HouseholdResolver = householdFromEvent,
  ) {}

  async append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    const sealed = await Promise.all(events.map((event) => this.sealEvent(streamId, event)));
    const result = await this.inner.append(streamId, sealed, options);
    return { ...result, events: await this.openAll(result.events) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(streamId, options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options));
  }

  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(async (event) => handler(await this.openEvent(event)), options);
  }

  /** The chain is over what is stored (ciphertext), so it still verifies after an erasure. */
  verifyStream(streamId: string) {
    return this.inner.verifyStream(streamId);
  }

  listStreams(options?: { after?: string; limit?: number }) {
    return this.inner.listStreams(options);
  }

  info() {
    return this.inner.info();
  }

  close() {
    return this.inner.close();
  }

  /** The store underneath, for readers that must never see clear personal data (funder feeds). */
  get sealedStore(): EventStore {
    return this.inner;
  }

  private async sealEvent(streamId: string, event: NewEvent): Promise<NewEvent> {
    const data = event.data as { personal?: unknown } | null;
    if (!data || typeof data !== 'object' || data.personal === undefined || isSealed(data.personal)) return event;
    const householdId = this.householdOf(streamId, event);
    if (!householdId) {
      throw new ValidationError(`Event ${event.type} carries personal data but no household id to encrypt it for.`, [
        { field: 'metadata.householdId', reason: 'required when data.personal is present' },
      ], 'household-required');
    }
    const key = await this.keys.obtain(householdId);
    return { ...event, data: { ...data, personal: seal(data.personal, key, householdId) } };
  }

  private openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((event) => this.openEvent(event)));
  }

  private async openEvent(event: RecordedEvent): Promise<RecordedEvent> {
    const data = event.data as { personal?: unknown } | null;
    if (!data || typeof data !== 'object' || !isSealed(data.personal)) return event;
    const key = await this.keys.find(data.personal.kid);
    const personal = key ? open(data.personal, key) : ERASED;
    return { ...event, data: { ...data, personal } };
  }
}
