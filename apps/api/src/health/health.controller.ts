import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../principal/public-route.decorator';
import { HealthService } from './health.service';

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({
    description: 'The store answers; components (projections, feeds) report their own state.',
    schema: {
      example: {
        status: 'ok',
        store: { ok: true, kind: 'pglite', schemaVersion: 1, lastPosition: '742/17', lastGlobalPosition: 17 },
        components: {},
      },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'The store does not answer.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.health.report();
    if (report.status === 'unavailable') void reply.code(503);
    void reply.header('cache-control', 'no-store');
    return report;
  }
}
