import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, parisDate, type Clock } from '../../../../libs/domain/src';
import { compareCheckpoints, START } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { RetentionSweep, type HouseholdEraser } from '../../../../libs/privacy/src';
import { waitForCheckpoint } from '../../../../projections/core/projection.host';
import { RETENTION_PROJECTION } from '../../../../projections/retention/retention.projection';
import { retentionCandidates } from '../../../../projections/retention/retention.queries';
import { HOUSEHOLD_ERASER } from '../privacy/privacy.tokens';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import type { Catalogue } from '../trajectories/catalogue';
import { CATALOGUE } from '../trajectories/trajectory.tokens';
import { ApiProblem } from '../openapi/problem-responses';
import { RetentionDryRunSchema } from './operations.schemas';
import { OPERATIONS_OPTIONS, type OperationsOptions } from './operations.tokens';

/** How long the retention read model may take to catch up with the store before the dry run gives up. */
const READY_MS = 30_000;

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/retention')
export class RetentionDryRunController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OPERATIONS_OPTIONS) private readonly options: OperationsOptions,
    private readonly modules: ModuleRef,
  ) {}

  @Get('dry-run')
  @ApiOperation({
    summary: 'Who the retention job would erase today, and why; nothing is erased (admins)',
    description:
      "What `npm run cli -- retention --dry-run` prints: the households whose trajectories are all closed and whose last contact is older " +
      "than their programme's retentionMonths. Decided on the retention read model once it has caught up with the store " +
      '(409 read-model-behind when it does not within 30 s: is the worker running?).',
  })
  @ApiOkResponse({ type: RetentionDryRunSchema })
  @ApiProblem(409, 'read-model-behind', 'The retention read model has not caught up with the store within 30 s: is the worker running?')
  async dryRun() {
    const { db, host } = this.options;
    const { lastPosition } = await this.store.info();
    if (compareCheckpoints(lastPosition, START) > 0) {
      await waitForCheckpoint(db, lastPosition, [RETENTION_PROJECTION], READY_MS, () => host?.wake()).catch((error: unknown) => {
        throw new DomainError('read-model-behind', `The retention read model has not caught up with the store: ${(error as Error).message}. Is the worker (or this API's projections) running?`);
      });
    }
    const catalogue = this.modules.get<Catalogue>(CATALOGUE, { strict: false });
    const sweep = new RetentionSweep({
      candidates: () => retentionCandidates(db),
      retentionMonthsOf: (code) => catalogue.programmes.get(code)?.retentionMonths,
      eraser: this.modules.get<HouseholdEraser>(HOUSEHOLD_ERASER, { strict: false }),
      clock: this.clock,
    });
    return { today: parisDate(this.clock.now()), households: await sweep.plan() };
  }
}
