import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* OpenAPI shapes of the audit routes (documentation only). */

export class BrokenEventSchema {
  @ApiProperty({ type: 'integer', example: 4 }) version!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '9f2c…', description: 'What the content and the predecessor give (hex).' }) expectedHash!: string;
  @ApiProperty({ example: '41ab…', description: 'What is stored (hex).' }) storedHash!: string;
  @ApiPropertyOptional({
    enum: ['hash-mismatch', 'out-of-sequence'],
    description: 'hash-mismatch: the content (or the predecessor) is not what was hashed; out-of-sequence: the version does not follow the previous one.',
  })
  reason?: string;
}

export class TrajectoryVerificationSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ description: 'false: an event, or one before it, was altered after it was recorded.' }) ok!: boolean;
  @ApiProperty({ type: 'integer', example: 12 }) eventsChecked!: number;
  @ApiPropertyOptional({ type: BrokenEventSchema, description: 'The first event that does not match (ok: false only).' }) firstBroken?: BrokenEventSchema;
}

class AccessActorSchema {
  @ApiProperty({ example: 'referent-cesf-12' }) id!: string;
  @ApiProperty({ example: 'referent' }) role!: string;
}

export class AccessLogRecordSchema {
  @ApiProperty({ type: 'integer', example: 42, description: 'Sequence: pass the last one as `after` for the next page.' }) id!: number;
  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:14:03.512Z' }) at!: string;
  @ApiProperty({ type: AccessActorSchema }) actor!: AccessActorSchema;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ enum: ['trajectory', 'history', 'household-export'] }) resource!: string;
  @ApiPropertyOptional({ example: '5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c' }) correlationId?: string;
}

export class AccessLogPageSchema {
  @ApiProperty({ type: [AccessLogRecordSchema] }) entries!: AccessLogRecordSchema[];
  @ApiProperty({ type: 'integer', example: 42, description: 'Pass as ?after= for the next page (the same cursor when this page is empty).' }) nextCursor!: number;
}
