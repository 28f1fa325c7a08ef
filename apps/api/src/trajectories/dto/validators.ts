import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ACTOR_ID, isCalendarDate } from '../../../../../libs/domain/src';

/** Limits that keep one field from filling the 1 MiB body: short labels, names, free text. */
export const NAME_MAX = 200;
export const TEXT_MAX = 10_000;
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ACTOR_ID_PATTERN = ACTOR_ID;
export const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{5,24}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDateString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDateString',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => 'must be a calendar date YYYY-MM-DD',
      },
    },
    options,
  );
}
