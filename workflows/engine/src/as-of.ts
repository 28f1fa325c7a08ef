import type { CalendarDate } from '../../../libs/domain/src';
import type { RecordedEvent } from './event-envelope';
import { occurredOn, fold } from './fold';
import { ReplayFailed } from './refusal';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowSnapshot } from './workflow-snapshot';

/** The state of a stream "as of" a business date, and which of its events made it. */
export interface AsOfFold<C> {
  /** Folded from `applied`; its version is the number of events applied (they are renumbered to fold). */
  snapshot: WorkflowSnapshot<C>;
  /** The events whose business date (occurredAt) is on or before the date, in stream order, as stored. */
  applied: RecordedEvent[];
  /**
   * Events dated on or before the date that the machine refuses in that order (a back-dated event
   * recorded about a day before something it depends on): left out, and said so.
   */
  notApplied: { version: number; type: string; reason: string }[];
}

/**
 * "As of" a Paris calendar date: the events whose business date is on or before it, folded in stream
 * order. Unlike a prefix by recording instant (?at=), this selection may skip versions (a back-dated
 * event recorded late is in, a later-dated one recorded before it is out), so the events are
 * renumbered 1..n to fold; an event the machine refuses in that order is left out and listed.
 */
export function foldAsOf<C>(definition: WorkflowDefinition<C>, events: readonly RecordedEvent[], asOf: CalendarDate): AsOfFold<C> {
  const applied: RecordedEvent[] = [];
  const notApplied: AsOfFold<C>['notApplied'] = [];
  let snapshot: WorkflowSnapshot<C> | undefined;
  for (const event of events) {
    if (occurredOn(event) > asOf) continue;
    try {
      snapshot = fold(definition, [{ ...event, version: applied.length + 1 }], snapshot);
      applied.push(event);
    } catch (error) {
      if (!(error instanceof ReplayFailed)) throw error;
      notApplied.push({ version: event.version, type: event.type, reason: error.message });
    }
  }
  return { snapshot: snapshot ?? fold(definition, []), applied, notApplied };
}
