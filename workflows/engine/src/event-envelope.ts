/**
 * The envelope as the engine reads it. Writers' types come from libs/domain, shared with the store;
 * RecordedEvent is the subset of the store's the engine needs, so any EventStore fits a WorkflowStore
 * by structural typing without workflows/* importing the store (the lint layering rule).
 */
import type { EventMetadata } from '../../../libs/domain/src/event-envelope';

export type { EventActor, EventMetadata, ExpectedVersion, NewEvent } from '../../../libs/domain/src/event-envelope';

/** The subset of the store's RecordedEvent the engine reads (the store's has more fields). */
export interface RecordedEvent<D = unknown> {
  id: string;
  streamId: string;
  /** 1-based, gap-free within the stream. */
  version: number;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata & { recordedAt: string };
}

export interface AppendResult {
  nextExpectedVersion: number;
  events: RecordedEvent[];
}
