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
  VerifiedStream,
} from '../../event-store/src/event-store.port';
import { readVerifiedStream } from '../../event-store/src/core/hash-chain';
import type { KeyStore } from './key-store.port';
import { ALTERED, ERASED, isSealed, open, seal, type SealedPersonal } from './personal-data.cipher';

/** Which household an event's personal data belongs to. */
export type HouseholdResolver = (streamId: string, event: NewEvent) => string | undefined;

/** metadata.householdId (the runner puts it on every trajectory event), else data.householdId (a saisine). */
export const householdFromEvent: HouseholdResolver = (_streamId, event) => {
  const fromMetadata = event.metadata?.['householdId'];
  if (typeof fromMetadata === 'string' && fromMetadata) return fromMetadata;
  const fromData = (event.data as { householdId?: unknown } | null)?.householdId;
  return typeof fromData === 'string' && fromData ? fromData : undefined;
};

/** The ciphertext is bound to its household and its event: an envelope copied into another event does not open. */
function aadOf(householdId: string, eventId: string): string {
  return `${householdId}/${eventId}`;
}

/** Remembered stream links: one insert per stream and process, not one per append. */
const LINK_MEMORY = 50_000;

/**
 * Seals `data.personal` under the household's key before the inner store sees it, so the store,
 * its hash chain, its backups and every reader without the key only ever hold ciphertext.
 * Reads open what they can; a destroyed key reads as { $erased: true }.
 */
export class EncryptingEventStore implements EventStore {
  private readonly linked = new Set<string>();

  constructor(
    private readonly inner: EventStore,
    private readonly keys: KeyStore,
    private readonly householdOf: HouseholdResolver = householdFromEvent,
  ) {}

  async append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    const sealingKeys = new Map<string, Buffer>();
    const sealed: NewEvent[] = [];
    for (const event of events) sealed.push(await this.sealEvent(streamId, event, sealingKeys));
    await this.link(streamId, events);
    const result = await this.inner.append(streamId, sealed, options);
    // The keys just used open the answer: no second look-up for what this call wrote.
    return { ...result, events: await this.openAll(result.events, sealingKeys) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(streamId, options));
  }

  /**
   * The stream with its hash chain checked on what is stored (the ciphertext), in the same read.
   * From the first broken event on nothing can be trusted: personal data that no longer opens
   * there reads as { $altered: true } instead of failing the whole read, so the break can be shown.
   */
  async readVerifiedStream(streamId: string): Promise<VerifiedStream> {
    const { events, integrity } = await readVerifiedStream(this.inner, streamId);
    return { events: await this.openAll(events, new Map(), integrity.firstBroken?.version), integrity };
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options));
  }

  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(async (event) => handler((await this.openAll([event]))[0]), options);
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

  /** The store underneath, for readers that must never see clear personal data (projections, funder feeds). */
  get sealedStore(): EventStore {
    return this.inner;
  }

  /** The households' keys: destroying one erases the household (HouseholdEraser). */
  get keyStore(): KeyStore {
    return this.keys;
  }

  private async sealEvent(streamId: string, event: NewEvent, keys: Map<string, Buffer>): Promise<NewEvent> {
    const data = event.data as { personal?: unknown } | null;
    if (!data || typeof data !== 'object' || data.personal === undefined || isSealed(data.personal)) return event;
    const householdId = this.householdOf(streamId, event);
    if (!householdId) {
      throw new ValidationError(
        `Event ${event.type} carries personal data but no household id to encrypt it for.`,
        [{ field: 'metadata.householdId', reason: 'required when data.personal is present' }],
        'household-required',
      );
    }
    const key = keys.get(householdId) ?? (await this.keys.obtain(householdId));
    keys.set(householdId, key);
    return { ...event, data: { ...data, personal: seal(data.personal, key, householdId, aadOf(householdId, event.id)) } };
  }

  private async link(streamId: string, events: readonly NewEvent[]): Promise<void> {
    const households = new Set(events.map((e) => this.householdOf(streamId, e)).filter((h): h is string => h !== undefined));
    for (const householdId of households) {
      const id = `${householdId} ${streamId}`;
      if (this.linked.has(id)) continue;
      // Before the append: a crash in between leaves a link to a stream that may not exist (harmless),
      // never a stream its household's export and erasure cannot find.
      await this.keys.linkStream(householdId, streamId);
      if (this.linked.size >= LINK_MEMORY) this.linked.clear();
      this.linked.add(id);
    }
  }

  private async openAll(events: RecordedEvent[], known: Map<string, Buffer> = new Map(), untrustedFrom = Infinity): Promise<RecordedEvent[]> {
    const kids = new Set<string>();
    for (const event of events) {
      const personal = (event.data as { personal?: unknown } | null)?.personal;
      if (isSealed(personal) && !known.has(personal.kid)) kids.add(personal.kid);
    }
    const keys = kids.size > 0 ? new Map([...known, ...(await this.keys.findMany([...kids]))]) : known;
    return events.map((event) => openEvent(event, keys, event.version >= untrustedFrom));
  }
}

function openEvent(event: RecordedEvent, keys: Map<string, Buffer>, untrusted = false): RecordedEvent {
  const data = event.data as { personal?: unknown } | null;
  if (!data || typeof data !== 'object' || !isSealed(data.personal)) return event;
  const sealed: SealedPersonal = data.personal;
  const key = keys.get(sealed.kid);
  let personal: unknown = ERASED;
  if (key) {
    try {
      personal = open(sealed, key, aadOf(sealed.kid, event.id));
    } catch (error) {
      if (untrusted) return { ...event, data: { ...data, personal: ALTERED } };
      // Not an erasure: the bytes or their place changed. verify names the altered event.
      throw new Error(`The personal data of event ${event.id} (${event.streamId} #${event.version}) does not decrypt: it was altered or moved.`, { cause: error });
    }
  }
  return { ...event, data: { ...data, personal } };
}
