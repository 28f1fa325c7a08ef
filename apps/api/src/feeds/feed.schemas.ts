import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEED_KINDS, GRID_AXES } from '../../../../projections/feeds/feed-record';

/* OpenAPI shapes of a feed page (documentation only; docs/feeds.md holds the record's JSON Schema). */

class FeedProfileSchema {
  @ApiProperty({ type: String, nullable: true, example: 'single-parent' }) composition!: string | null;
  @ApiProperty({ nullable: true, enum: ['0', '1-2', '3+'] }) childrenBand!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '35-44' }) ageBand!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'rsa' }) resourcesType!: string | null;
}

class AxisProgressSchema {
  @ApiProperty({ enum: GRID_AXES }) axis!: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.33, description: 'Share of items rated acquired at the diagnostic' }) atDiagnostic!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.67 }) atFinalEvaluation!: number | null;
}

class FeedDetailsSchema {
  @ApiPropertyOptional({ example: 'propose-accompaniment' }) outcome?: string;
  @ApiPropertyOptional({ example: 'AVDL' }) measureType?: string;
  @ApiPropertyOptional({ example: ['2.1', '2.5'] }) briqueCodes?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'sliding-lease' }) occupancyStatus?: string | null;
  @ApiPropertyOptional({ example: '2026-03' }) month?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 6 }) renewalMonths?: number | null;
  @ApiPropertyOptional({ example: 'housed' }) endReason?: string;
  @ApiPropertyOptional({ type: [AxisProgressSchema] }) gridProgress?: AxisProgressSchema[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ccas' }) partnerKind?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'closed' }) closingReason?: string | null;
}

export class FeedRecordSchema {
  @ApiProperty({ example: 1 }) schemaVersion!: number;
  @ApiProperty({ format: 'uuid', description: 'Deduplicate by it: a record may be delivered more than once.' }) recordId!: string;
  @ApiProperty({ example: 1042 }) sequence!: number;
  @ApiProperty({ example: 'departement-69' }) funderId!: string;
  @ApiProperty({ example: 'asll-69-2026' }) conventionId!: string;
  @ApiProperty({ example: '3f1c…', description: 'HMAC-SHA-256 of the trajectory under this funder’s key (hex)' }) trajectoryPseudonym!: string;
  @ApiProperty({ enum: FEED_KINDS }) kind!: string;
  @ApiProperty({ example: '2026-03-02' }) businessDate!: string;
  @ApiProperty({ type: FeedProfileSchema }) profile!: FeedProfileSchema;
  @ApiProperty({ type: FeedDetailsSchema }) details!: FeedDetailsSchema;
}

export class FeedPageSchema {
  @ApiProperty({ example: 'departement-69' }) funderId!: string;
  @ApiProperty({ type: [FeedRecordSchema] }) records!: FeedRecordSchema[];
  @ApiProperty({ example: '1042', description: 'Pass as ?after= for the next page' }) nextCursor!: string;
  @ApiProperty({ example: 100 }) limit!: number;
}
