import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../principal/public-route.decorator';
import { HealthReportSchema } from './health.schemas';
import { HealthService } from './health.service';

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Whether the store answers, and how each projection and feed relay is doing (no token needed)' })
  @ApiOkResponse({ type: HealthReportSchema, description: 'The store answers (status ok, or degraded when a component reports a problem).' })
  @ApiServiceUnavailableResponse({ type: HealthReportSchema, description: 'The store does not answer (status unavailable).' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.health.report();
    if (report.status === 'unavailable') void reply.code(503);
    void reply.header('cache-control', 'no-store');
    return report;
  }
}
