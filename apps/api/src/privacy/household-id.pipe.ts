import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid } from '../../../../libs/domain/src';
import { HttpProblem } from '../problem-details/http-problem';

/** Household ids are uuids, as a saisine receives them: anything else is a client mistake (400), never a lookup. */
@Injectable()
export class HouseholdIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) {
      throw HttpProblem.badRequest('invalid-household-id', `"${String(value).slice(0, 64)}" is not a household id (a UUID).`, [{ field: 'id', reason: 'must be a UUID' }]);
    }
    // Not lower-cased: the id is looked up exactly as the saisine recorded it.
    return value;
  }
}
