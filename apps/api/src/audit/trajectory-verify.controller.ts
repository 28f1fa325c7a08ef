import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NotFoundError, trajectoryStreamId } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { EVENT_STORE } from '../store/store.tokens';
import { ApiProblem } from '../openapi/problem-responses';
import { TrajectoryIdPipe } from '../trajectories/http/trajectory-id.pipe';
import { TrajectoryVerificationSchema } from './audit.schemas';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('trajectories')
export class TrajectoryVerifyController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/verify')
  @ApiOperation({
    summary: "Check the trajectory's hash chain (auditors, coordinators)",
    description:
      'Recomputes every event hash from its content and its predecessor. `ok: false` names the first event that ' +
      'does not match: it, or something before it, was altered after it was recorded.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TrajectoryVerificationSchema })
  @ApiProblem(400, 'invalid-trajectory-id', 'The id is not a UUID.')
  @ApiProblem(404, 'trajectory-not-found', 'No such trajectory.')
  async verify(@Param('id', TrajectoryIdPipe) id: string) {
    const notFound = new NotFoundError('trajectory-not-found', `There is no trajectory trajectory-${id}.`);
    const result = await this.store.verifyStream(trajectoryStreamId(id)).catch((error: unknown) => {
      throw (error as { code?: unknown }).code === 'stream-not-found' ? notFound : error;
    });
    if (result.eventsChecked === 0) throw notFound;
    return {
      trajectoryId: id,
      ok: result.ok,
      eventsChecked: result.eventsChecked,
      ...(result.firstBroken ? { firstBroken: result.firstBroken } : {}),
    };
  }
}
