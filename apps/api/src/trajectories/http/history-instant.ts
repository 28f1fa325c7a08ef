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
