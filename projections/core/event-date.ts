import { isCalendarDate, parisDate, type CalendarDate } from '../../libs/domain/src';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';

/**
 * The business date of an event: metadata.occurredAt (a calendar date, or an instant read in
 * Paris), else the day it was recorded. Never the clock: a rebuild must give the same rows.
 */
export function businessDate(event: Pick<RecordedEvent, 'metadata'>): CalendarDate {
  const raw = event.metadata.occurredAt ?? event.metadata.recordedAt;
  if (isCalendarDate(raw)) return raw;
  const instant = new Date(String(raw));
  if (Number.isNaN(instant.getTime())) throw new Error(`event has no usable business date: ${String(raw)}`);
  return parisDate(instant);
}

export const TRAJECTORY_PREFIX = 'trajectory-';

export function trajectoryIdOfEvent(event: Pick<RecordedEvent, 'streamId'>): string | undefined {
  return event.streamId.startsWith(TRAJECTORY_PREFIX) ? event.streamId.slice(TRAJECTORY_PREFIX.length) : undefined;
}
