import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addDays, isCalendarDate, isUuid, parisDayStart, ValidationError } from '../../../../libs/domain/src';
import { ACCESS_LOG } from '../auth/auth.tokens';
import { optionalInt, optionalText } from '../projections/query-params';
import type { AccessLog } from './access-log.repository';
import { AccessLogPageSchema } from './audit.schemas';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('access-log')
export class AccessLogController {
  constructor(@Inject(ACCESS_LOG) private readonly log: AccessLog) {}

  @Get()
  @ApiOperation({
    summary: "Who read a trajectory's personal data, and when (auditors)",
    description:
      'Every GET of /trajectories/{id} and /trajectories/{id}/history that returned personal data, oldest first. ' +
      'Filter by reader (`actor`), trajectory and Paris calendar days (`from`, `to`, both included). ' +
      'Page with `after` = the `nextCursor` of the previous page.',
  })
  @ApiQuery({ name: 'trajectory', required: false, description: 'A trajectory id (uuid)' })
  @ApiQuery({ name: 'actor', required: false, description: "The reader's id (the token's subject)" })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date' }, description: 'Only reads on or after this Paris calendar date (YYYY-MM-DD)' })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date' }, description: 'Only reads on or before this Paris calendar date (YYYY-MM-DD)' })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `1-${MAX_LIMIT}, default ${DEFAULT_LIMIT}` })
  @ApiOkResponse({ type: AccessLogPageSchema })
  async list(
    @Query('trajectory') trajectory?: string,
    @Query('actor') actor?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ) {
    if (trajectory !== undefined && trajectory !== '' && !isUuid(trajectory)) {
      throw new ValidationError('Query parameter trajectory is invalid: a trajectory id (uuid).', [{ field: 'query:trajectory', reason: 'a uuid' }], 'invalid-query');
    }
    const size = optionalInt('limit', limit, 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
    const entries = await this.log.list({
      trajectoryId: trajectory ? trajectory.toLowerCase() : undefined,
      actorId: optionalText('actor', actor),
      from: optionalDay('from', from),
      before: optionalDay('to', to, 1),
      after: optionalInt('after', after, 0, Number.MAX_SAFE_INTEGER),
      limit: size,
    });
    return { entries, nextCursor: entries.length ? entries[entries.length - 1].id : Number(after ?? 0) };
  }
}

/** A Paris calendar date as the instant its day begins (`plusDays` later: `to` is inclusive). */
function optionalDay(name: string, value: string | undefined, plusDays = 0): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDate(value)) {
    throw new ValidationError(`Query parameter ${name} is invalid: a calendar date YYYY-MM-DD.`, [{ field: `query:${name}`, reason: 'a date YYYY-MM-DD' }], 'invalid-query');
  }
  return parisDayStart(addDays(value, plusDays));
}
