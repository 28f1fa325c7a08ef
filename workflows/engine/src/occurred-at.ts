import { isCalendarDate, parisDate, type CalendarDate } from '../../../libs/domain/src';

/**
 * Commands carry a business date; clients may send a calendar date or an ISO instant. Both become
 * the calendar date in Europe/Paris, which is what rules and deadlines compare.
 */
export function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (isCalendarDate(value)) return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : parisDate(instant);
}

/**
 * The default earliest business date: nothing this engine records happened before it, and a date
 * such as 0001-01-01 or 1900-01-01 is a typing slip that would still pass every other check.
 */
export const DEFAULT_EARLIEST_OCCURRED_AT: CalendarDate = '1990-01-01';
