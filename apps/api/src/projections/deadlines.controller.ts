import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Clock } from '../../../../libs/domain/src';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../../../../projections/deadlines/deadlines.calculator';
import { MAX_PAGE, queryDeadlines } from '../../../../projections/deadlines/deadlines.queries';
import { CLOCK } from '../store/store.tokens';
import { DeadlinesPageSchema } from './deadlines.schemas';
import { PROJECTIONS_DATABASE } from './projections.tokens';
import { AS_OF_DESCRIPTION, optionalDate, optionalInt, optionalOneOf, optionalText } from './query-params';
import { ApiProblem } from '../openapi/problem-responses';

@ApiProblem(503)
@ApiTags('coordination')
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    @Inject(PROJECTIONS_DATABASE) private readonly db: ProjectionDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Deadlines of open trajectories, sorted by due date',
    description:
      'Status is decided at query time against today in Europe/Paris (or the asOf date): overdue (due before today), due-soon (today to 7 days ' +
      'ahead), upcoming (later). A suspended measure has no bilan or point due; a closed trajectory has none.',
  })
  @ApiQuery({ name: 'status', required: false, enum: DEADLINE_STATUSES })
  @ApiQuery({ name: 'kind', required: false, enum: DEADLINE_KINDS })
  @ApiQuery({ name: 'referent', required: false, description: 'The owner (referent) id' })
  @ApiQuery({ name: 'programme', required: false })
  @ApiQuery({ name: 'convention', required: false })
  @ApiQuery({ name: 'trajectory', required: false })
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date' }, example: '2026-04-20', description: AS_OF_DESCRIPTION })
  @ApiQuery({ name: 'limit', required: false, description: `1-${MAX_PAGE}, default 50` })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ type: DeadlinesPageSchema, description: 'One page of deadlines, soonest first.' })
  list(
    @Query('status') status?: string,
    @Query('kind') kind?: string,
    @Query('referent') referent?: string,
    @Query('programme') programme?: string,
    @Query('convention') convention?: string,
    @Query('trajectory') trajectory?: string,
    @Query('asOf') asOf?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return queryDeadlines(this.db, this.clock, {
      status: optionalOneOf('status', status, DEADLINE_STATUSES),
      kind: optionalOneOf('kind', kind, DEADLINE_KINDS),
      referent: optionalText('referent', referent),
      programme: optionalText('programme', programme),
      convention: optionalText('convention', convention),
      trajectory: optionalText('trajectory', trajectory),
      asOf: optionalDate('asOf', asOf),
      limit: optionalInt('limit', limit, 1, MAX_PAGE),
      offset: optionalInt('offset', offset, 0, 10_000_000),
    });
  }
}
