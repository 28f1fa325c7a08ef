import { isCalendarDate, type CalendarDate } from '../../../../../libs/domain/src';
import { HttpProblem } from '../../problem-details/http-problem';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** ?at= is an instant with its offset (2026-03-01T10:00:00Z): a bare date would be ambiguous. */
export function parseHistoryInstant(raw: unknown): Date | undefined {
  if (raw === undefined) return undefined;
  const time = typeof raw === 'string' && ISO_INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time)) {
    throw HttpProblem.badRequest('invalid-query', '`at` must be one ISO 8601 instant with its offset, e.g. 2026-03-01T10:00:00Z.', [
      { field: 'query:at', reason: 'expected an ISO 8601 instant such as 2026-03-01T10:00:00Z' },
    ]);
  }
  return new Date(time);
}

/** ?asOf= is a Paris calendar date (2026-04-20): the events whose business date is on or before it. */
export function parseHistoryAsOf(raw: unknown, at: unknown): CalendarDate | undefined {
  if (raw === undefined) return undefined;
  if (!isCalendarDate(raw)) {
    throw HttpProblem.badRequest('invalid-query', '`asOf` must be a calendar date YYYY-MM-DD, e.g. 2026-04-20.', [
      { field: 'query:asOf', reason: 'expected a calendar date YYYY-MM-DD' },
    ]);
  }
  if (at !== undefined) {
    throw HttpProblem.badRequest('invalid-query', 'Give either `at` (an instant: what was recorded by then) or `asOf` (a date: what had happened by then), not both.', [
      { field: 'query:asOf', reason: 'not with at' },
    ]);
  }
  return raw;
}
