import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Clock } from '../../../../libs/domain/src';
import { MAX_CASELOAD_PAGE, queryCaseload } from '../../../../projections/caseload/caseload.queries';
import { TRAJECTORY_STAGES } from '../../../../projections/core/trajectory-facts.reducer';
import { DEADLINE_STATUSES } from '../../../../projections/deadlines/deadlines.calculator';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { CLOCK } from '../store/store.tokens';
import { CaseloadPageSchema } from './caseload.schemas';
import { PROJECTIONS_DATABASE } from './projections.tokens';
import { AS_OF_DESCRIPTION, optionalBoolean, optionalDate, optionalInt, optionalOneOf, optionalText } from './query-params';
import { ApiProblem } from '../openapi/problem-responses';

@ApiProblem(503)
@ApiTags('coordination')
@Controller('caseload')
export class CaseloadController {
  constructor(
    @Inject(PROJECTIONS_DATABASE) private readonly db: ProjectionDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The caseload: each open trajectory with its stage, referent, programme, since when and next deadline',
    description:
      'Ordered by next due date. Closed trajectories only with stage=closed or includeClosed=true. `counts.byStage` applies every ' +
      'filter but the stage, `counts.byReferent` every filter but the referent. Statuses are decided against today in Europe/Paris, or the asOf date.',
  })
  @ApiQuery({ name: 'referent', required: false })
  @ApiQuery({ name: 'stage', required: false, enum: TRAJECTORY_STAGES })
  @ApiQuery({ name: 'programme', required: false })
  @ApiQuery({ name: 'convention', required: false })
  @ApiQuery({ name: 'prescriber', required: false, description: "The prescriber's id or name" })
  @ApiQuery({ name: 'prescriberKind', required: false })
  @ApiQuery({ name: 'includeClosed', required: false, type: Boolean })
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date' }, example: '2026-04-20', description: AS_OF_DESCRIPTION })
  @ApiQuery({ name: 'status', required: false, enum: DEADLINE_STATUSES, description: "Only the trajectories whose next deadline has this status (against today or asOf)." })
  @ApiQuery({ name: 'limit', required: false, description: `1-${MAX_CASELOAD_PAGE}, default 50` })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ type: CaseloadPageSchema, description: 'One page of the caseload, with the facet counts.' })
  list(
    @Query('referent') referent?: string,
    @Query('stage') stage?: string,
    @Query('programme') programme?: string,
    @Query('convention') convention?: string,
    @Query('prescriber') prescriber?: string,
    @Query('prescriberKind') prescriberKind?: string,
    @Query('includeClosed') includeClosed?: string,
    @Query('asOf') asOf?: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return queryCaseload(this.db, this.clock, {
      referent: optionalText('referent', referent),
      stage: optionalOneOf('stage', stage, TRAJECTORY_STAGES),
      programme: optionalText('programme', programme),
      convention: optionalText('convention', convention),
      prescriber: optionalText('prescriber', prescriber),
      prescriberKind: optionalText('prescriberKind', prescriberKind),
      includeClosed: optionalBoolean('includeClosed', includeClosed),
      asOf: optionalDate('asOf', asOf),
      status: optionalOneOf('status', status, DEADLINE_STATUSES),
      limit: optionalInt('limit', limit, 1, MAX_CASELOAD_PAGE),
      offset: optionalInt('offset', offset, 0, 10_000_000),
    });
  }
}
