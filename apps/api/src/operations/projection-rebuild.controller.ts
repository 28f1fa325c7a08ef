import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, NotFoundError } from '../../../../libs/domain/src';
import { accepted } from './job-location';
import type { OperationJobs } from './operation-jobs';
import { ApiProblem } from '../openapi/problem-responses';
import { RebuildJobSchema } from './operations.schemas';
import { OPERATION_JOBS, OPERATIONS_OPTIONS, type OperationsOptions } from './operations.tokens';


@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionRebuildController {
  constructor(
    @Inject(OPERATIONS_OPTIONS) private readonly options: OperationsOptions,
    @Inject(OPERATION_JOBS) private readonly jobs: OperationJobs,
  ) {}

  @Post(':name/rebuild')
  @ApiOperation({
    summary: "Rebuild a read model from every event (admins)",
    description:
      "Drops the projection's tables and replays the whole store into them, in this process: what `npm run cli -- rebuild` does, " +
      'for a store only the API may open (the embedded one). Answers 202 with the job; poll its Location for the progress ' +
      '(`progress.done` / `progress.total` events). 404 projection-not-found, 409 rebuild-in-progress, 409 projections-run-elsewhere ' +
      '(the worker runs them: rebuild with the CLI against DATABASE_URL).',
  })
  @ApiParam({ name: 'name', description: 'caseload, deadlines, funder, retention (feed-… with the funder feeds)' })
  @ApiAcceptedResponse({ type: RebuildJobSchema, description: 'The job, running; `Location` is its resource.', headers: { Location: { description: 'The job: GET it for the progress.', schema: { type: 'string' } } } })
  @ApiProblem(404, 'projection-not-found', 'No projection of that name runs here.')
  @ApiProblem(409, 'rebuild-in-progress', 'That projection is being rebuilt already (`jobId` names the job); or projections-run-elsewhere: a worker runs the projections, rebuild with the CLI.')
  rebuild(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const host = this.options.host;
    if (!host) {
      throw new DomainError(
        'projections-run-elsewhere',
        'This API does not run the projections (a worker does): rebuild with `npm run cli -- rebuild` against the same DATABASE_URL.',
      );
    }
    const names = host.runners.map((r) => r.name);
    if (!names.includes(name)) throw new NotFoundError('projection-not-found', `There is no projection ${String(name).slice(0, 64)} here (projections: ${names.join(', ')}).`);
    const running = this.jobs.running('rebuild', name);
    if (running) throw new DomainError('rebuild-in-progress', `Projection ${name} is being rebuilt (job ${running.id}).`, 'conflict', { jobId: running.id });
    return accepted(reply, `/admin/projections/${name}/rebuilds`, this.jobs.start('rebuild', name, (report) => host.rebuild(name, report)));
  }

  @Get(':name/rebuilds/:jobId')
  @ApiOperation({ summary: 'A rebuild job: its progress, then its outcome (admins)' })
  @ApiParam({ name: 'name', description: 'The projection the job rebuilds.' })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'From the Location of the POST.' })
  @ApiOkResponse({ type: RebuildJobSchema })
  @ApiProblem(404, 'job-not-found', 'No rebuild job of that id for that projection (jobs are kept in memory until the API restarts).')
  job(@Param('name') name: string, @Param('jobId') jobId: string) {
    return this.jobs.get('rebuild', jobId, name);
  }
}
