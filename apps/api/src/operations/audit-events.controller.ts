import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NotFoundError, trajectoryStreamId } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { sealedStoreOf } from '../store/household-keys';
import { EVENT_STORE } from '../store/store.tokens';
import { ApiProblem } from '../openapi/problem-responses';
import { TrajectoryIdPipe } from '../trajectories/http/trajectory-id.pipe';
import { StoredEventsSchema } from './operations.schemas';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/trajectories')
export class AuditEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/events')
  @ApiOperation({
    summary: "A trajectory's events exactly as stored, personal data sealed (auditors)",
    description:
      'Every recorded event with its version, global position, hash and metadata; the personal data stays the ciphertext it is stored as. ' +
      'What `npm run cli -- replay` folds when the API holds the embedded store.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StoredEventsSchema })
  @ApiProblem(400, 'invalid-trajectory-id', 'The id is not a UUID.')
  @ApiProblem(404, 'trajectory-not-found', 'No such trajectory.')
  async events(@Param('id', TrajectoryIdPipe) id: string) {
    const events = await sealedStoreOf(this.store)
      .readStream(trajectoryStreamId(id))
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code === 'stream-not-found') return [];
        throw error;
      });
    if (events.length === 0) throw new NotFoundError('trajectory-not-found', `There is no trajectory trajectory-${id}.`);
    return { trajectoryId: id, events };
  }
}
