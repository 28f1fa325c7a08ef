import { isCalendarDate, ValidationError, type CalendarDate } from '../../../../libs/domain/src';

/** Query strings arrive as text; each reader names the parameter it refuses, as problem details expect. */
function refuse(name: string, reason: string): never {
  throw new ValidationError(`Query parameter ${name} is invalid: ${reason}.`, [{ field: `query:${name}`, reason }], 'invalid-query');
}

export function optionalText(name: string, value: string | undefined, max = 200): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length > max) refuse(name, `at most ${max} characters`);
  return value;
}

export function optionalOneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) refuse(name, `one of ${allowed.join(', ')}`);
  return value as T;
}

export function optionalInt(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) refuse(name, `an integer from ${min} to ${max}`);
  return Number(value);
}

export const AS_OF_DESCRIPTION =
  'A Paris calendar date YYYY-MM-DD: statuses (overdue, due-soon within 7 days, upcoming) are decided against it instead of today, ' +
  'over the deadlines computed from the events recorded so far.';

/** A Paris calendar date YYYY-MM-DD (a real day: 2026-02-30 is refused). */
export function optionalDate(name: string, value: string | undefined): CalendarDate | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDate(value)) refuse(name, 'a calendar date YYYY-MM-DD');
  return value;
}

export function optionalYear(value: string | undefined): number | undefined {
  return optionalInt('year', value, 2000, 2100);
}

export function optionalMonth(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) refuse('month', 'a month YYYY-MM');
  return value;
}

export function optionalBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false') refuse(name, 'true or false');
  return value === 'true';
}
