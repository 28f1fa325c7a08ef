import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { auditSqlStorage, verifyStore } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { sealedStoreOf } from '../store/household-keys';
import { EVENT_STORE } from '../store/store.tokens';
import { accepted } from './job-location';
import type { OperationJobs } from './operation-jobs';
import { ApiProblem } from '../openapi/problem-responses';
import { VerificationJobSchema } from './operations.schemas';
import { OPERATION_JOBS, OPERATIONS_OPTIONS, type OperationsOptions } from './operations.tokens';

const BASE = '/audit/verifications';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/verifications')
export class StoreVerificationController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OPERATIONS_OPTIONS) private readonly options: OperationsOptions,
    @Inject(OPERATION_JOBS) private readonly jobs: OperationJobs,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Verify every stream and every stored event (auditors)',
    description:
      "Recomputes every stream's hash chain, then checks every stored row: events no stream points at, version gaps, " +
      'two events on one global position or id, a stream head without its last event. What `npm run cli -- verify --all` does. ' +
      'Answers 202 with the job; poll its Location. The result: { streams, eventsChecked, altered: [...], storage, empty, intact }.',
  })
  @ApiAcceptedResponse({ type: VerificationJobSchema, description: 'The job, running; `Location` is its resource.', headers: { Location: { description: 'The job: GET it for the progress and the report.', schema: { type: 'string' } } } })
  start(@Res({ passthrough: true }) reply: FastifyReply) {
    const storeDb = this.options.storeDatabase;
    const target = { store: sealedStoreOf(this.store), storage: storeDb ? () => auditSqlStorage(storeDb) : undefined };
    return accepted(reply, BASE, this.jobs.start('verification', undefined, (report) => verifyStore(target, report)));
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'A verification job: its progress, then its report (auditors)' })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'From the Location of the POST.' })
  @ApiOkResponse({ type: VerificationJobSchema })
  @ApiProblem(404, 'job-not-found', 'No verification job of that id (jobs are kept in memory until the API restarts).')
  job(@Param('jobId') jobId: string) {
    return this.jobs.get('verification', jobId);
  }
}
