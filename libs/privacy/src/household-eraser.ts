import { DomainError, NotFoundError, parisDate, trajectoryIdOf, type Actor, type Clock, type IdGenerator } from '../../domain/src';
import type { KeyStore } from '../../crypto/src/key-store.port';
import type { EventStore, RecordedEvent } from '../../event-store/src/event-store.port';
import { ERASURE_REASONS, HOUSEHOLD_ERASED, householdStreamId, type ErasureReason, type HouseholdErasedData } from './household-erased.event';

/**
 * A place that may hold a household's personal data outside the event store (a snapshot cache, a
 * read model with names). Called after the key is destroyed, before the erasure is recorded.
 * The built-in projections hold none (they are categorical by construction, see docs/privacy.md).
 */
export interface PersonalDataPurger {
  readonly name: string;
  purge(target: { householdId: string; streamIds: readonly string[] }): Promise<void>;
}

/** The engine's SnapshotCache, structurally: cached states are dropped for the household's streams. */
export function snapshotCachePurger(cache: { delete(streamId: string): Promise<void> }): PersonalDataPurger {
  return {
    name: 'snapshot-cache',
    purge: async ({ streamIds }) => {
      for (const id of streamIds) await cache.delete(id);
    },
  };
}

export interface HouseholdEraserDeps {
  keys: KeyStore;
  /** Where the HouseholdErased event is appended (it carries no personal data: any store will do). */
  store: Pick<EventStore, 'append' | 'readStream'>;
  clock: Clock;
  ids: IdGenerator;
  purgers?: readonly PersonalDataPurger[];
}

export interface ErasureOutcome extends HouseholdErasedData {
  eventId: string;
  recordedAt: string;
}

export class HouseholdAlreadyErased extends DomainError {
  constructor(householdId: string, erasedOn: string) {
    super('household-already-erased', `Household ${householdId} was already erased on ${erasedOn}.`, 'conflict', { householdId, erasedOn });
  }
}

/**
 * Crypto-shredding of one household: destroy its data key (every sealed copy, in every event and
 * every backup, becomes unreadable), purge what is kept elsewhere, record the erasure. Re-running
 * after a crash finishes the job: destroying is idempotent and the record is written last.
 */
export class HouseholdEraser {
  constructor(private readonly deps: HouseholdEraserDeps) {}

  async erase(householdId: string, request: { reason: ErasureReason; actor: Actor }): Promise<ErasureOutcome> {
    if (!(ERASURE_REASONS as readonly string[]).includes(request.reason)) throw new Error(`unknown erasure reason ${request.reason}`);
    const { keys, store, clock, ids } = this.deps;
    const earlier = await this.erasureOf(householdId);
    if (earlier) throw new HouseholdAlreadyErased(householdId, (earlier.data as HouseholdErasedData).erasedOn);
    const streamIds = (await keys.streamsOf(householdId)).filter((s) => s !== householdStreamId(householdId));
    if (streamIds.length === 0 && (await keys.status(householdId)) === 'unknown') {
      throw new NotFoundError('household-not-found', `No personal data or trajectory is known for household ${householdId}.`);
    }
    const keyDestroyed = await keys.destroy(householdId, request.reason);
    for (const purger of this.deps.purgers ?? []) await purger.purge({ householdId, streamIds });
    const data: HouseholdErasedData = {
      householdId,
      reason: request.reason,
      erasedOn: parisDate(clock.now()),
      trajectoryIds: streamIds.map((s) => trajectoryIdOf(s)).filter((t): t is string => t !== undefined),
      keyDestroyed,
    };
    const { events } = await store.append(
      householdStreamId(householdId),
      [{ id: ids.next(), type: HOUSEHOLD_ERASED, schemaVersion: 1, data, metadata: { actor: { id: request.actor.id, role: request.actor.role }, occurredAt: data.erasedOn, householdId } }],
      { expectedVersion: 'any' },
    );
    return { ...data, eventId: events[0].id, recordedAt: events[0].metadata.recordedAt };
  }

  /** The recorded erasure, if any. */
  async erasureOf(householdId: string): Promise<RecordedEvent | undefined> {
    const events = await this.deps.store.readStream(householdStreamId(householdId)).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'stream-not-found') return [] as RecordedEvent[];
      throw error;
    });
    return events.find((e) => e.type === HOUSEHOLD_ERASED);
  }
}
