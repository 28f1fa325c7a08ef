import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BrokenEventSchema } from '../audit/audit.schemas';

/*
 * OpenAPI shapes of the operations routes (documentation only): the jobs are OperationJob
 * (operation-jobs.ts), their progress and result what the projection rebuilder and verifyStore report.
 */

class JobErrorSchema {
  @ApiProperty({ example: 'operation-failed' }) code!: string;
  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:5432' }) detail!: string;
}

/** What every job has, whatever its kind: poll it until `status` is no longer `running`. */
abstract class OperationJobSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:14:03.512Z' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-03-02T09:14:09.020Z', description: 'Once succeeded or failed.' }) finishedAt?: string;
  @ApiPropertyOptional({ type: JobErrorSchema, description: 'With status failed: why.' }) error?: JobErrorSchema;
}

class RebuildProgressSchema {
  @ApiProperty({ example: 'caseload' }) projection!: string;
  @ApiProperty({ type: 'integer', example: 1200, description: 'Events replayed so far.' }) done!: number;
  @ApiProperty({ type: 'integer', example: 5000, description: 'Events in the store when the rebuild started (an upper bound).' }) total!: number;
  @ApiProperty({ example: 840.5, description: 'Milliseconds since the start (fractional).' }) elapsedMs!: number;
  @ApiProperty({ example: 1428.6, description: 'Events replayed per second.' }) ratePerSecond!: number;
}

export class RebuildJobSchema extends OperationJobSchema {
  @ApiProperty({ enum: ['rebuild'] }) kind!: string;
  @ApiProperty({ example: 'caseload', description: 'The projection rebuilt.' }) target!: string;
  @ApiPropertyOptional({ type: RebuildProgressSchema, description: 'While it runs, updated after each batch.' }) progress?: RebuildProgressSchema;
  @ApiPropertyOptional({ type: RebuildProgressSchema, description: 'With status succeeded: the final figures.' }) result?: RebuildProgressSchema;
}

class VerificationProgressSchema {
  @ApiProperty({ type: 'integer', example: 120 }) streamsDone!: number;
  @ApiProperty({ type: 'integer', example: 480 }) streamsTotal!: number;
  @ApiProperty({ type: 'integer', example: 2400 }) eventsChecked!: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Streams found altered so far.' }) altered!: number;
}

class StreamVerificationSchema {
  @ApiProperty({ example: 'trajectory-5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c' }) streamId!: string;
  @ApiProperty({ example: false }) ok!: boolean;
  @ApiProperty({ type: 'integer', example: 4 }) eventsChecked!: number;
  @ApiPropertyOptional({ type: BrokenEventSchema, description: 'The first event that does not verify.' }) firstBroken?: BrokenEventSchema;
}

class StorageProblemSchema {
  @ApiProperty({ enum: ['orphan-events', 'version-gap', 'duplicate-position', 'duplicate-event-id', 'head-mismatch'] }) kind!: string;
  @ApiPropertyOptional({ example: 'trajectory-5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c' }) streamId?: string;
  @ApiProperty({ example: 'Version 3 is missing between 2 and 4.' }) detail!: string;
}

class StorageAuditSchema {
  @ApiProperty({ type: 'integer', example: 2400 }) eventsStored!: number;
  @ApiProperty({ type: 'integer', example: 480 }) streamsStored!: number;
  @ApiProperty({ type: [StorageProblemSchema] }) problems!: StorageProblemSchema[];
  @ApiProperty({ description: 'More problems than listed (each kind lists at most 100).' }) truncated!: boolean;
}

class StoreVerificationSchema {
  @ApiProperty({ type: 'integer', example: 480 }) streams!: number;
  @ApiProperty({ type: 'integer', example: 2400 }) eventsChecked!: number;
  @ApiProperty({ type: [StreamVerificationSchema], description: 'Streams whose hash chain is broken.' }) altered!: StreamVerificationSchema[];
  @ApiPropertyOptional({ type: StorageAuditSchema, description: 'Rows outside the chains (SQL stores); absent where the store keeps them itself (EventStoreDB).' })
  storage?: StorageAuditSchema;
  @ApiProperty({ description: 'Nothing stored at all: the wrong store, most likely (a forgotten DATABASE_URL).' }) empty!: boolean;
  @ApiProperty({ description: 'Chains intact and no stored row outside them.' }) intact!: boolean;
}

export class VerificationJobSchema extends OperationJobSchema {
  @ApiProperty({ enum: ['verification'] }) kind!: string;
  @ApiPropertyOptional({ type: VerificationProgressSchema, description: 'While it runs, updated after each stream.' }) progress?: VerificationProgressSchema;
  @ApiPropertyOptional({ type: StoreVerificationSchema, description: 'With status succeeded: the report.' }) result?: StoreVerificationSchema;
}

class RetentionDecisionSchema {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'date', example: '2023-01-15', description: 'The latest business date on any of its trajectories.' }) lastContactOn!: string;
  @ApiProperty({ example: ['asll-13'], description: 'Programme codes of its trajectories.' }) programmes!: string[];
  @ApiProperty({ type: 'integer', example: 2 }) trajectories!: number;
  @ApiProperty({ example: 'asll-13', description: 'The programme that keeps the data longest: it decides.' }) programme!: string;
  @ApiProperty({ type: 'integer', example: 36 }) retentionMonths!: number;
  @ApiProperty({ format: 'date', example: '2026-01-15' }) expiresOn!: string;
}

export class RetentionDryRunSchema {
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The day decided for (Europe/Paris).' }) today!: string;
  @ApiProperty({ type: [RetentionDecisionSchema], description: 'Who the retention job would erase today; nothing is erased.' })
  households!: RetentionDecisionSchema[];
}

const STORED_METADATA = {
  type: 'object' as const,
  // Writers may add members of their own (EventMetadata's index signature): the members named here are the known ones.
  additionalProperties: true,
  properties: {
    actor: { type: 'object' as const, properties: { id: { type: 'string' as const }, role: { type: 'string' as const } }, example: { id: 'referent-cesf-12', role: 'referent' } },
    correlationId: { type: 'string' as const },
    causationId: { type: 'string' as const },
    occurredAt: { type: 'string' as const, example: '2026-03-02', description: 'Business instant or date the fact happened.' },
    recordedAt: { type: 'string' as const, format: 'date-time', description: 'Server clock at append.' },
    workflowVersion: { type: 'integer' as const, example: 1 },
  },
};

class StoredEventSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'trajectory-5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c' }) streamId!: string;
  @ApiProperty({ type: 'integer', example: 7, description: '1-based, gap-free within the stream.' }) version!: number;
  @ApiProperty({ type: 'integer', example: 742, description: 'Unique in the store.' }) globalPosition!: number;
  @ApiProperty({ example: '742/17', description: 'Where a reader of $all resumes after this event.' }) checkpoint!: string;
  @ApiProperty({ example: 'ContractSigned' }) type!: string;
  @ApiProperty({ type: 'integer', example: 1 }) schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As stored: personal data is the ciphertext it is stored as.' })
  data!: Record<string, unknown>;
  @ApiProperty(STORED_METADATA) metadata!: Record<string, unknown>;
  @ApiProperty({ example: '9f2c…', description: "hex sha-256 over the previous event's hash and this event's canonical form." }) hash!: string;
}

export class StoredEventsSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ type: [StoredEventSchema] }) events!: StoredEventSchema[];
}
