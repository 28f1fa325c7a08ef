import { ApiProperty } from '@nestjs/swagger';

/* OpenAPI shape of GET /health (documentation only; HealthService builds the report). */

class StoreHealthSchema {
  @ApiProperty({ description: 'false: the store does not answer (then only `error`).' }) ok!: boolean;
  @ApiProperty({ enum: ['postgres', 'pglite', 'eventstoredb', 'memory'], required: false }) kind?: string;
  @ApiProperty({ type: 'integer', required: false, example: 1 }) schemaVersion?: number;
  @ApiProperty({ required: false, example: '742/17' }) lastPosition?: string;
  @ApiProperty({ type: 'integer', required: false, example: 17 }) lastGlobalPosition?: number;
  @ApiProperty({ required: false, example: 'connect ECONNREFUSED 127.0.0.1:5432' }) error?: string;
}

export class HealthReportSchema {
  @ApiProperty({ enum: ['ok', 'degraded', 'unavailable'] }) status!: string;
  @ApiProperty({ type: StoreHealthSchema }) store!: StoreHealthSchema;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true, properties: { ok: { type: 'boolean' } } },
    example: { caseload: { ok: true, checkpoint: '742/17', lag: 0 } },
    description: 'What each part (projections, feed relays) reports about itself.',
  })
  components!: Record<string, Record<string, unknown>>;
}
