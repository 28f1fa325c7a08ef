import { EncryptingEventStore } from '../../../../libs/crypto/src';
import { NotFoundError, trajectoryStreamId, type CalendarDate } from '../../../../libs/domain/src';
import { readVerifiedStream } from '../../../../libs/event-store/src/core/hash-chain';
import type { EventStore, VerifiedStream } from '../../../../libs/event-store/src/event-store.port';
import { commandOffersOf, fold, hasCode, type CommandOffer, STREAM_NOT_FOUND, type RecordedEvent, type WorkflowRegistry } from '../../../../workflows/engine/src';
import { trajectoryFactsOf, type TrajectoryContext, type TrajectoryFacts, type TrajectorySnapshot } from '../../../../workflows/trajectory/src';

/**
 * Reads a stream once and checks its hash chain on the rows read (issue 15 §4: a broken chain is
 * flagged where the stream is read). The app's store is always an EncryptingEventStore, which
 * checks the stored ciphertext before opening it; a bare store (tests) is checked as read.
 * Throws the store's StreamNotFound like readStream.
 */
export function readVerified(store: EventStore, streamId: string): Promise<VerifiedStream> {
  return store instanceof EncryptingEventStore ? store.readVerifiedStream(streamId) : readVerifiedStream(store, streamId);
}

/** A trajectory's events and their chain, or NotFoundError('trajectory-not-found'). */
export async function readVerifiedTrajectory(store: EventStore, trajectoryId: string): Promise<VerifiedStream> {
  const streamId = trajectoryStreamId(trajectoryId);
  try {
    return await readVerified(store, streamId);
  } catch (error) {
    if (hasCode(error, STREAM_NOT_FOUND)) throw new NotFoundError('trajectory-not-found', `There is no trajectory ${streamId}.`);
    throw error;
  }
}

/** The trajectory folded from its events, through the machine version it recorded, what it accepts on `on`, and its facts. */
export function foldTrajectory(
  registry: WorkflowRegistry<TrajectoryContext>,
  events: readonly RecordedEvent[],
  on: CalendarDate,
): { snapshot: TrajectorySnapshot; offers: CommandOffer[]; facts: TrajectoryFacts | undefined } {
  const definition = registry.forStream(events);
  const snapshot = fold(definition, events);
  // The same fold of the same events as every read model: what the trajectory owes is computed from these.
  return { snapshot, offers: commandOffersOf(definition, snapshot, on), facts: trajectoryFactsOf(events) };
}
