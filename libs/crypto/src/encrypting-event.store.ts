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
import { ALTERED, ERASED, isSealed, open, sealJson, type SealedPersonal } from './personal-data.cipher';

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
    const unlinked = this.unlinkedHouseholds(streamId, events);
    const sealed: NewEvent[] = [];
    const clear = new Map<string, SealedClear>();
    for (const event of events) sealed.push(await this.sealEvent(streamId, event, sealingKeys, unlinked, clear));
    // Before the append: a crash in between leaves a link to a stream that may not exist (harmless),
    // never a stream its household's export and erasure cannot find. Sealing linked the households
    // whose key it fetched; what is left carries no personal data in this append.
    for (const householdId of unlinked) {
      await this.keys.linkStream(householdId, streamId);
      this.rememberLink(householdId, streamId);
    }
    const result = await this.inner.append(streamId, sealed, options);
    // What this call sealed is answered from the clear text it sealed (what opening it would give);
    // anything else the store answers (an event stored earlier under the same id) is opened, with
    // the keys just used: no second look-up for what this call wrote.
    return { ...result, events: await this.openAll(result.events, sealingKeys, Infinity, clear) };
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

  private async sealEvent(streamId: string, event: NewEvent, keys: Map<string, Buffer>, unlinked: Set<string>, clear: Map<string, SealedClear>): Promise<NewEvent> {
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
    let key = keys.get(householdId);
    if (!key) {
      const link = unlinked.has(householdId);
      key = await this.keys.obtain(householdId, link ? { linkStream: streamId } : {});
      if (link) {
        unlinked.delete(householdId);
        this.rememberLink(householdId, streamId);
      }
      keys.set(householdId, key);
    }
    const json = JSON.stringify(data.personal);
    const personal = sealJson(json, key, householdId, aadOf(householdId, event.id));
    clear.set(String(event.id).toLowerCase(), { sealed: personal, json });
    return { ...event, data: { ...data, personal } };
  }

  /** The households of these events not yet linked to the stream by this process. */
  private unlinkedHouseholds(streamId: string, events: readonly NewEvent[]): Set<string> {
    const households = new Set<string>();
    for (const event of events) {
      const householdId = this.householdOf(streamId, event);
      if (householdId !== undefined && !this.linked.has(`${householdId} ${streamId}`)) households.add(householdId);
    }
    return households;
  }

  private rememberLink(householdId: string, streamId: string): void {
    if (this.linked.size >= LINK_MEMORY) this.linked.clear();
    this.linked.add(`${householdId} ${streamId}`);
  }

  private async openAll(
    events: RecordedEvent[],
    known: Map<string, Buffer> = new Map(),
    untrustedFrom = Infinity,
    clear?: ReadonlyMap<string, SealedClear>,
  ): Promise<RecordedEvent[]> {
    const kids = new Set<string>();
    for (const event of events) {
      const personal = (event.data as { personal?: unknown } | null)?.personal;
      if (isSealed(personal) && !known.has(personal.kid)) kids.add(personal.kid);
    }
    const keys = kids.size > 0 ? new Map([...known, ...(await this.keys.findMany([...kids]))]) : known;
    return events.map((event) => openSealedHere(event, clear) ?? openEvent(event, keys, event.version >= untrustedFrom));
  }
}

/** An envelope sealed by this call, and the JSON text it sealed. */
interface SealedClear {
  sealed: SealedPersonal;
  json: string;
}

/** The event with its personal data from the clear text this call sealed, if it carries exactly that envelope. */
function openSealedHere(event: RecordedEvent, clear: ReadonlyMap<string, SealedClear> | undefined): RecordedEvent | undefined {
  const mine = clear?.get(event.id.toLowerCase());
  const data = event.data as { personal?: unknown } | null;
  if (!mine || !data || typeof data !== 'object' || !isSealed(data.personal)) return undefined;
  const stored = data.personal;
  const same = stored.ct === mine.sealed.ct && stored.iv === mine.sealed.iv && stored.tag === mine.sealed.tag && stored.kid === mine.sealed.kid;
  return same ? { ...event, data: { ...data, personal: JSON.parse(mine.json) as unknown } } : undefined;
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
