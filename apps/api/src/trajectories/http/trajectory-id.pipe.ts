import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid } from '../../../../../libs/domain/src';
import { HttpProblem } from '../../problem-details/http-problem';

/** Trajectory ids are uuids: anything else is a client mistake (400), never a lookup. */
@Injectable()
export class TrajectoryIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) {
      throw HttpProblem.badRequest('invalid-trajectory-id', `"${String(value).slice(0, 64)}" is not a trajectory id (a UUID).`, [
        { field: 'id', reason: 'must be a UUID' },
      ]);
    }
    return value.toLowerCase();
  }
}
